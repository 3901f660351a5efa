"""The Rakor briefing as a document: `bot.briefing.pdf.render_briefing(data, lang, tz)`."""
