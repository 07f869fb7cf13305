## Web chat
startup-web-ready = Trợ lý OCOP is running. Open this address in a browser: { $url }
web-app-name = Trợ lý OCOP
web-nav-home = Home
web-nav-notifications = Notifications
web-nav-account = Account
web-language-en = English
web-language-vi = Tiếng Việt
web-sign-out = Sign out
web-not-found-title = Not found
web-not-found = There is no such page, or it is not yours to see. <a href="/">Back to home</a>.
web-error-title = Something went wrong
web-error-stale-form = This page is out of date. Reload it and press again, please. <a href="/">Back to home</a>.
web-error-too-many = Too many requests at once. Wait a minute and try again, please.
web-error-too-large = The file is too large. Each file can be up to 20 MB. Take a smaller photo or pick another file, please.
web-error-bad-request = I did not understand that request. <a href="/">Back to home</a>.
web-error-server = Sorry, something went wrong. Your saved answers are safe. Try again in a few minutes, please.
web-welcome-title = Welcome
web-welcome-short = <b>Hello! I am the OCOP Assistant.</b> I help you score your OCOP product yourself, right on your phone.
web-welcome-more =
    OCOP is the “One Commune One Product” programme: products rated 3 stars or more are recognised and get promotion support.
    I help you score your product yourself against the latest rubric (Decision 26/2026), see how many stars it may get and what to improve.
    One question at a time, just press a button. It takes about 20–30 minutes; you can stop and continue any time.
web-privacy-notice =
    <b>Personal data protection</b>
    To prepare your dossier I need to keep your full name, phone number, your producer and your answers.
    • Used only for the self-assessment and to send your OCOP dossier to commune and province officers.
    • Never sold, never shared with anyone else.
    • You can see, change or delete all of it under “Account” at any time.
    (Under the Personal Data Protection Law No. 91/2025/QH15.)
    Do you agree?
web-have-code = Already using Trợ lý OCOP on another device or on Telegram?
web-sign-in-link = Enter a sign-in code
web-consent-declined = No problem. Nothing about you is kept. Whenever you want to start, open this page again and choose “I agree”.
web-read-again = Read again
web-home-title = Hello { $name }
web-home-continue = ▶️ Continue
web-home-products = 📦 My products
web-home-status = 📋 Filed applications
web-home-members = 👥 Members
web-home-officer = 🏛️ Commune dossiers
web-home-admin = ⚙️ Administration
web-home-account = 👤 Account
