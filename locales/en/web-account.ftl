## Account, sign-in codes, linking Telegram, notifications (web)
web-account-title = Your account
web-account-name = Full name
web-account-phone = Phone number
web-account-organisation = Producer
web-account-commune = Commune or ward
web-account-language = Language
web-account-language-name = { $language ->
    [en] English
   *[other] Tiếng Việt
}
web-account-telegram = Telegram
web-account-telegram-linked = Linked
web-account-telegram-not-linked = Not linked
web-account-none = (none yet)
web-account-edit = Edit
web-account-change-language = Change language
web-account-btn-notifications = 🔔 Notification settings
web-account-btn-other-device = 📱 Continue on another device
web-account-btn-link-telegram = 🔗 Link Telegram
web-account-btn-sign-out-everywhere = 🚪 Sign out everywhere
web-account-btn-delete = 🗑 Delete my data
web-account-back = ◀️ Back
web-account-save = 💾 Save
web-account-name-title = Edit full name
web-account-name-hint = Your full name, as on your ID card. For example: Nguyễn Thị Lan.
web-account-phone-title = Edit phone number
web-account-phone-hint = A Vietnamese mobile number, for example 0912 345 678.
web-account-saved = ✅ Saved.
web-account-delete-title = Delete my data
web-account-deleted-title = Deleted
web-account-deleted = Your data is deleted and you are signed out. To use the assistant again, open the home page and choose “I agree”.
web-account-signed-out-everywhere-title = Signed out
web-account-signed-out-everywhere = Signed out on every device, this one included. To carry on, get a sign-in code from another device, or send /lienket to the OCOP assistant on Telegram.
web-account-code-title = Continue on another device
web-account-code-intro = On the other device, open this link:
web-account-code-or = Or open the “Enter a sign-in code” page and type the code:
web-account-code-expiry = The code works once, for 10 minutes. Give it to no one: whoever has it can enter your account.
web-account-link-title = Link Telegram
web-account-link-intro = Open the OCOP assistant on Telegram (<a href="https://t.me/{ $bot }">@{ $bot }</a>) and send exactly this message:
web-account-link-after = Then Telegram and the web share one account: the same details, the same products, the same applications.
web-account-link-other-way = Already working on Telegram? Send /lienket to <a href="https://t.me/{ $bot }">@{ $bot }</a> on Telegram, then type the code it gives you on the “Enter a sign-in code” page here.
web-account-sign-in-title = Enter a sign-in code
web-account-sign-in-intro = Type the 8-digit code you received: from another device (Account → Continue on another device), or from the OCOP assistant on Telegram after sending /lienket.
web-account-sign-in-code = Sign-in code
web-account-sign-in-button = Sign in
web-account-invalid-code = This code is wrong or has expired. Each code works once, for 10 minutes. Get a new code and try again.
web-account-other-account = This browser is signed in to another account that has its own producer or applications. Two accounts that both hold data are not merged. Use the code in another browser, or press “Sign out” here first.
web-account-too-many = You have done this too many times. Wait a minute and try again.
web-account-notifications-title = Notifications
web-account-notifications-empty = No notifications yet.
web-account-notifications-new = New
web-account-notifications-older = Older notifications
web-account-notifications-open = 📋 Open this application
web-account-notifications-settings = 🔔 Notification settings
web-account-settings-title = Notification settings
web-account-settings-inbox = 📥 Inbox on the web: always on.
web-account-settings-telegram-on = 💬 Telegram: on.
web-account-settings-telegram-off = 💬 Telegram: off.
web-account-settings-telegram-none = 💬 Telegram: not linked.
web-account-btn-telegram-off = Turn Telegram notifications off
web-account-btn-telegram-on = Turn Telegram notifications on
web-account-settings-push = 📱 Notifications on the phone, even with the page closed: { $count ->
    [0] off.
   *[other] on in { $count } browsers.
}
web-account-btn-push-on = Turn on notifications on this device
web-account-btn-push-off = Turn off notifications on every device
web-account-push-needs-js = To get notifications on the phone, the browser needs JavaScript turned on.
web-account-push-unsupported = This browser cannot receive notifications. You can still read them under “Notifications”.
web-account-push-denied = You blocked notifications for this site. Allow them in the browser's settings, then press again.
web-account-push-done = ✅ Notifications are on for this device.
web-account-push-failed = Notifications could not be turned on. Please try again later.
web-account-cmd-lienket = Link with the website
web-account-bot-code =
    🔗 Your link code: <b>{ $code }</b>
    Open { $url }/sign-in in a browser and type this code. The browser will share your Telegram account: the same details, the same applications.
    The code works once, for 10 minutes. Give it to no one.
web-account-bot-linked = ✅ Linked. Telegram and the web now share one account: the same details, the same products, the same applications. Send /tieptuc to carry on.
web-account-bot-invalid-code = This code is wrong or has expired. Get a new code on the website: Account → Link Telegram.
web-account-bot-other-account = This Telegram account has its own producer or applications, so it is not merged into the web account. To share one account, do it the other way round: send /lienket (without a code) to get a code, then type it on the website.
web-account-bot-already-linked = This web account is already linked to another Telegram account.
web-account-bot-too-many = Too many wrong codes. Wait a minute and try again.
