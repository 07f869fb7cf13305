## Rubric: names shared by the bot and the command line

stars = { $stars }★
confidence-verified = checked against the original text
confidence-secondary = a secondary copy, not yet checked against the signed text
confidence-provisional = provisional, not verified
marker-rule-minimum = Star markers are minimums: a product that misses a ★ marker of a tier cannot reach that tier.
marker-rule-warning = Star markers are shown as warnings only: this version has no official wording on them.

## Score report

report-sheet = Product set: { $title }
report-source = Legal source: { $source }
report-confidence-secondary = Note: these questions were copied from the State's text and not yet checked against the signed copy, so small errors may remain.
report-confidence-provisional = Note: these questions are provisional and not yet checked.
report-indicative = Indicative score (your own self-assessment, not an official result):
report-part = Part { $part } – { $title }: { $points }/{ $max } { $max ->
        [one] point
       *[other] points
    }
report-total = Total: { $points }/{ $max } { $max ->
        [one] point
       *[other] points
    }
report-stars = Indicative stars: { $stars }★
report-stars-capped = Indicative stars: { $stars }★ (the points give { $byPoints }★, but star markers are missing)
report-stars-none = Indicative stars: not rated yet
report-tier-meaning = { $meaning }
report-recognised = This tier is recognised as OCOP, by { $by }.
report-not-recognised = This tier is not recognised as OCOP (3★ or more is needed).
report-marker-missed = • { $criterion } { $title }: needs the ★{ $marker } level (from { $required } { $required ->
        [one] point
       *[other] points
    }), now { $points } { $points ->
        [one] point
       *[other] points
    }
report-markers-held = Missing star markers:
report-markers-warning = Star-marker warnings (older version, for reference only):
report-disqualified = The dossier would be rejected because:
report-stop-item = • { $text }
report-stop-zero = • { $criterion } { $title }: 0 points, so the council stops scoring
report-pending-clearances = { $count } eligibility questions are still unanswered.
report-unanswered = { $count } { $count ->
        [one] criterion
       *[other] criteria
    } are still unanswered ({ $list }). With the best answers the total could reach { $possible } { $possible ->
        [one] point
       *[other] points
    }.
report-complete = All { $count } { $count ->
        [one] criterion
       *[other] criteria
    } are answered.
report-plan-title = To reach { $target }★ (from { $threshold } { $threshold ->
        [one] point
       *[other] points
    }), improve { $count } { $count ->
        [one] criterion
       *[other] criteria
    }:
report-plan-none = Already at { $target }★: nothing to change.
report-plan-step = { $n }. { $criterion } { $title }: { $from } → { $to } (+{ $gain } { $gain ->
        [one] point
       *[other] points
    })
report-plan-from-none = (not answered)
report-plan-after = After these changes: { $total } { $total ->
        [one] point
       *[other] points
    }, { $stars }★.
report-plan-blocked-disqualified = { $target }★ cannot be reached yet: the dossier would be rejected; fix the rejection reasons first.
report-plan-blocked-points = { $target }★ cannot be reached: even the best answers do not give { $threshold } { $threshold ->
        [one] point
       *[other] points
    }.
report-plan-blocked-fixed-criterion = { $target }★ cannot be reached: criterion { $list } carries a required star marker and cannot be changed.
report-plan-blocked-target-unknown = This rubric has no { $target }★ tier.

## Rubric command line

cli-rubric-usage =
    Usage:
      npm run rubric -- list [--json]
      npm run rubric -- check [file…] [--version <id>]
      npm run rubric -- show --sheet <sheet id> [--json]
      npm run rubric -- score --sheet <sheet id> --answers <file.json> [--case <id>] [--target <stars>] [--json]
      npm run rubric -- import <file.xlsx|file.csv> --version <id> --set <set id> [--out <file>] [--source <legal source>]
      npm run rubric -- export --sheet <sheet id> --out <file.xlsx|file.csv>
cli-list-row = { $sheet } | { $productSet } | { $confidence }
cli-check-ok = The data is valid: { $versions } versions, { $sheets } sheets.
cli-check-ok-files = Valid: { $files } { $files ->
        [one] file
       *[other] files
    }.
cli-check-failed = { $count } problems:
cli-problem = { $file }: { $message }
cli-sheet-unknown = There is no sheet “{ $sheet }”. See the list: npm run rubric -- list
cli-version-unknown = There is no version “{ $version }”.
cli-missing-argument = The argument { $name } is missing.
cli-answers-unreadable = Cannot read the answers file { $file }: { $message }
cli-answers-invalid = The answers file { $file } has problems:
cli-answer-criterion-unknown = • the sheet has no criterion { $criterion }
cli-answer-option-unknown = • criterion { $criterion } has no option { $option }
cli-answer-case-unknown = • the sheet has no case { $case }
cli-target-invalid = The target must be from 1 to 5 stars.
cli-export-written = Wrote { $file } ({ $criteria } { $criteria ->
        [one] criterion
       *[other] criteria
    }).
cli-show-criterion = { $id } { $title } (at most { $max } { $max ->
        [one] point
       *[other] points
    })
cli-show-option = {"   "}{ $id }) { $label }: { $points } { $points ->
        [one] point
       *[other] points
    }{ $marker ->
        [0] {""}
       *[other] {" "}★{ $marker }
    }{ $case ->
        [none] {""}
       *[other] {" "}(case { $case })
    }
cli-import-written = Wrote { $file } ({ $criteria } { $criteria ->
        [one] criterion
       *[other] criteria
    }).
cli-import-refused = Cannot import { $file }: the spreadsheet has { $count } problems; nothing was written.
cli-unknown-command = There is no command “{ $command }”.

## Rubric data problems (the command line and the bot's start-up show them)

problem-schema = { $at }: invalid data ({ $message })
problem-unreadable = cannot read the file ({ $message })
problem-parts-total = the parts' maximums add up to { $sum }, they must add up to 100
problem-duplicate-part = part { $at } appears twice
problem-part-missing = part { $at } is missing
problem-part-unknown = part { $at } is not in version { $version }
problem-part-sum = part { $at }: its groups add up to { $sum } { $sum ->
        [one] point
       *[other] points
    }, they must add up to { $max }
problem-duplicate-tier = tier { $at }★ appears twice
problem-tiers-start = the lowest tier starts at { $min } { $min ->
        [one] point
       *[other] points
    }, it must start at 0
problem-tiers-end = the highest tier ends at { $max } { $max ->
        [one] point
       *[other] points
    }, it must end at 100
problem-tier-empty = tier { $at }★ has an empty range
problem-tiers-gap = tier { $stars }★ ends at { $max } { $max ->
        [one] point
       *[other] points
    } but tier { $next }★ starts at { $min }: tiers must be contiguous
problem-tiers-order = tier { $at }★ is out of order
problem-duplicate-product-set = product set { $at } appears twice in the taxonomy
problem-product-set-unknown = product set { $at } is not in the taxonomy of version { $version }
problem-duplicate-case = case { $at } appears twice
problem-duplicate-criterion = criterion id { $at } appears twice
problem-duplicate-group = group id { $at } appears twice
problem-duplicate-disqualification = disqualification id { $at } appears twice
problem-disqualification-criterion-unknown = disqualification item { $at } names criterion { $criterion }, which is not in the sheet
problem-duplicate-option = criterion { $at }: option id { $option } appears twice
problem-case-unknown = criterion { $at }: option { $option } belongs to case { $case }, which is not in the sheet
problem-case-without-options = criterion { $at }: no option for case { $case }
problem-criterion-max = criterion { $at }: its maximum is { $max } but its best option gives { $best } { $best ->
        [one] point
       *[other] points
    }
problem-criterion-max-case = criterion { $at }, case { $case }: its maximum is { $max } but its best option gives { $best } { $best ->
        [one] point
       *[other] points
    }
problem-group-sum = group { $at }: its criteria add up to { $sum } { $sum ->
        [one] point
       *[other] points
    }, they must add up to { $max }
problem-group-empty = group { $at } has no criteria
problem-version-folder = version id { $id } must match its folder name { $folder }
problem-sheet-file-name = the file must be named { $productSet }.json (after the product set id)
problem-default-count = exactly 1 version must be the default (isDefault), there are { $count }
problem-column-missing = the spreadsheet has no column { $column }
problem-value-missing = row { $row }: column { $column } is empty
problem-value-invalid = row { $row }: column { $column } has an invalid value “{ $value }”
problem-row-conflict = row { $row }: column { $column } differs from an earlier row of { $at } (“{ $value }”)
problem-empty-sheet = the spreadsheet has no data rows

## Bot: start, consent, registration

welcome =
    <b>Hello! I am the OCOP Assistant.</b>
    OCOP is the “One Commune One Product” programme: products rated 3 stars or more are recognised and get promotion support.
    I help you score your product yourself against the latest rubric (Decision 26/2026), see how many stars it may get and what to improve.
    One question at a time, just press a button. It takes about 20–30 minutes; you can stop and continue any time.
privacy-notice =
    <b>Your personal data</b>
    To prepare your dossier I need to keep your full name, phone number, your business and your answers.
    • They are used only for the self-assessment and to send your OCOP dossier to commune and province officers.
    • They are never sold or shared with anyone else.
    • See and correct them with /thongtin, delete everything with /xoadulieu, at any time.
    (Under Vietnam's Personal Data Protection Law 91/2025/QH15.)
    Do you agree?
btn-consent-yes = ✅ I agree
btn-consent-no = I do not agree
consent-thanks = Thank you. Let's begin!
consent-declined =
    No problem. I keep nothing about you.
    Whenever you want to use the bot, type /start and choose “I agree”.
ask-name = What is your <b>full name</b>? (for example: Nguyễn Thị Lan)
invalid-name = A full name has only letters and spaces, 2 to 80 characters. Please type it again.
ask-phone =
    What is your <b>phone number</b>?
    Press “Send my phone number” below, or type it (for example 0912 345 678).
btn-share-phone = 📱 Send my phone number
invalid-phone = That number does not look right. Vietnamese mobile numbers have 10 digits starting with 03, 05, 07, 08 or 09. Please type it again.
contact-not-yours = I can only take your own phone number. Press “Send my phone number” or type it.
phone-saved = Saved { $phone }.
ask-org-type = How do you produce?
org-type-household = Household business
org-type-cooperative-group = Cooperative group
org-type-cooperative = Cooperative (HTX)
org-type-enterprise = Enterprise
org-type-chosen = Type: { $type }
use-buttons = Please press one of the buttons in the message above.
ask-org-name = What is the <b>name of your business</b>? (for example: Tân Hòa Agricultural Cooperative)
invalid-org-name = The business name needs 2 to 120 characters. Please type it again.
ask-commune =
    Which <b>commune or ward</b> is your business in?
    Type the name (with or without accents), and the province if you like. Example: cai nuoc ca mau
commune-pick = Choose your commune:
commune-none =
    I could not find “{ $query }”.
    Try a shorter name, or add the province. Many communes were merged and renamed on 1 July 2025.
commune-chosen = Chosen: { $commune }
registration-done = ✅ You are registered! Now let's add a product to score.
need-registration = Please register first. Type /start to begin.

## Bot: profile, language, deleting data

profile-person =
    <b>Your details</b>
    Full name: { $name }
    Phone: { $phone }
    Consent given on: { $consentAt }
profile-organisation =
    Type: { $orgType }
    Business name: { $orgName }
    Location: { $commune }
profile-officer = OCOP officer of: { $communes }
btn-edit-name = ✏️ Edit name
btn-edit-phone = ✏️ Edit phone
btn-edit-org-type = ✏️ Edit type
btn-edit-org-name = ✏️ Edit business name
btn-edit-commune = ✏️ Edit commune
btn-delete-data = 🗑 Delete my data
profile-saved = Saved.
delete-confirm =
    <b>Delete all your data?</b>
    Deleted for good, with no way back:
    • your name and phone number;
    • your business, products, self-assessment answers, the photos and papers you sent, the dossier details;
    • any dossier already filed with the commune too. The commune officers will be told you withdrew and deleted it (the notice names the product only).
    Members you invited will lose access to the business. Messages about your dossiers not yet sent are cancelled.
btn-delete-yes = Delete everything
btn-delete-no = No, keep it
delete-done = Your data has been deleted. To use the bot again, type /start.
delete-cancelled = Your data is kept as it was.
delete-nothing = I keep no data about you.
language-pick = Chọn ngôn ngữ / Choose a language:
language-vi = Tiếng Việt
language-en = English
language-set = Switched to English.

## Bot: products

menu-title = <b>Products of { $org }</b>
menu-product = • { $name }: { $answered }/{ $total } { $total ->
        [one] question
       *[other] questions
    } answered ({ $state })
menu-empty = You have no products yet.
btn-add-product = ➕ Add a product
ask-product-name = What is the <b>product's name</b>? (for example: Coffee-flower honey)
invalid-product-name = The product name needs 2 to 120 characters. Please type it again.
ask-product-group = { $sector }: choose the product group.
ask-product-set = { $sector }: choose the product set.
product-set-chosen = Product set: { $set }
product-set-no-sheet = There is no scoring sheet for “{ $set }” yet. Please contact your province's OCOP office, or choose another set.
ask-case = Which case is your tourism product: services the whole community provides together, or one service point of an organisation or a person? Some criteria are scored by this case; I ask only once.
case-chosen = Case: { $case }
product-added = Product “{ $name }” added.
product-card =
    <b>{ $name }</b>
    Product set: { $set }
    Rubric: { $version }
    Answered: { $answered }/{ $total } { $total ->
        [one] question
       *[other] questions
    }
    Indicative points so far: { $points }
    Status: { $state }
btn-resume = ▶️ Continue
btn-review = 📋 Review
btn-result = ⭐ Result
state-draft = self-assessment in progress
state-completed = self-assessment done
state-submitted = submitted
state-received = received by the commune
state-returned = changes requested
state-forwarded = forwarded to the province
state-rated = official result recorded
state-withdrawn = withdrawn

## Bot: finding the product set; renaming, moving and deleting a product

ask-set-for-new = Which product set does “{ $product }” belong to?
ask-set-for-move = Move “{ $product }” (now in “{ $set }”) to which product set?
set-suggestions = It may be:
set-suggestions-for = Suggestions for “{ $text }”:
set-suggestion = { $n }. <b>{ $set }</b> – e.g. { $examples }
set-hint = Press one to choose. If none fits, type what the product is (e.g. nước mắm, mật ong, homestay) or choose by sector below.
set-type-what = Type what the product is (e.g. nước mắm, mật ong, trà mãng cầu, bưởi, homestay) and I will suggest product sets, or choose by sector below.
set-none = I found no product set for “{ $text }”. Try other words (e.g. nước mắm, mật ong, homestay) or choose by sector below.
same-name-ask = Your organisation already has a product “{ $product }” (set “{ $set }”, { $state }). Is this the same product?
btn-same-product = ✅ Yes, open that product
btn-other-product = ➕ No, it is another product
btn-product-rename = ✏️ Rename
btn-product-move = 🔀 Change product set
btn-product-delete = 🗑 Delete product
ask-product-rename = What is the new name of “{ $product }”?
product-renamed = Renamed to “{ $product }”.
product-name-taken = Your organisation already has a product named “{ $product }”. Please choose another name, so they are easy to tell apart.
product-locked = This product's application is “{ $state }”: it can no longer be renamed, moved or deleted.
move-preview =
    Move “{ $product }” from “{ $from }” to “{ $to }”:
    • { $kept } { $kept ->
        [one] answer
       *[other] answers
    } are kept (questions identical in both sets);
    • { $toAsk } { $toAsk ->
        [one] question
       *[other] questions
    } to answer (again).
move-preview-evidence = • { $files } evidence files of criteria the new set does not have will be let go.
btn-move-confirm = ✅ Move to this set
btn-keep-product = ↩️ No, keep it as it is
move-done = “{ $product }” is now in “{ $set }”: { $kept } { $kept ->
        [one] answer
       *[other] answers
    } kept, { $toAsk } { $toAsk ->
        [one] question
       *[other] questions
    } to answer.
move-same-set = The product is already in “{ $set }”.
product-kept = The product is kept as it was.
delete-product-confirm = Delete “{ $product }”? Its self-assessment ({ $answered } { $answered ->
        [one] answer
       *[other] answers
    }), evidence and dossier details will be deleted for good.
btn-delete-product-yes = 🗑 Delete for good
product-deleted = “{ $product }” was deleted.
product-delete-not-allowed = Only the organisation's owner or whoever added this product may delete it.
hint-product = You are adding or editing a product: follow the message above, or type /sanpham for your products.
action-rename = Product renamed
action-change-set = Product set changed

## Bot: the self-assessment

assessment-intro =
    <b>Self-assessment of “{ $product }”</b> ({ $set })
    First { $clearances } { $clearances ->
        [one] question
       *[other] questions
    } about the dossier's conditions, then { $count } scored criteria.
    The questions and answers are the rubric's official Vietnamese text, as the council reads it; the bot's own words are in English.
    Every answer is saved at once. Stop whenever you like and type /tieptuc to continue.
assessment-resume = Continuing “{ $product }”: { $answered }/{ $total } { $total ->
        [one] question
       *[other] questions
    } answered.
q-clearance-progress = <b>Condition { $n }/{ $total }</b> · if not met, the dossier is rejected
q-clearance-ask = Is this true of your business?
btn-clearance-yes = ✅ Yes
btn-clearance-no = ❌ Not yet
q-progress = <b>Question { $n }/{ $total }</b> · Part { $part } – { $partTitle }
q-note = Note: { $note }
q-evidence = 📎 Evidence expected: { $kinds }
q-option = { $n }. { $label } — <b>{ $points } { $points ->
        [one] point
       *[other] points
    }</b>{ $marker ->
        [0] {""}
       *[other] {" "}(★{ $marker })
    }
q-option-chosen = ✅ { $n }. { $label } — <b>{ $points } { $points ->
        [one] point
       *[other] points
    }</b>{ $marker ->
        [0] {""}
       *[other] {" "}(★{ $marker })
    } (chosen)
q-how-to-answer = Press an option's number, or type its number or its words.
q-marker-legend = (★: the minimum for that many stars)
btn-option = { $n } · { $points }pt
btn-attach = 📎 Send evidence
btn-back = ⬅️ Back
btn-save-exit = 💾 Save and exit
answered-criterion = ✅ <b>{ $id }. { $title }</b>
    → { $label } ({ $points } { $points ->
        [one] point
       *[other] points
    })
answered-clearance-yes = ✅ { $requirement }
    → Yes
answered-clearance-no = ⚠️ { $requirement }
    → Not yet: the dossier will be rejected unless this is fixed.
answer-changed = Answer changed.
answer-changed-older = Changed the answer to { $id }. Indicative total now: { $total }.
answer-not-understood = I did not understand. Press a button, or type the option's number (for example: 2) or its words.
first-question = This is the first question.
saved-exit = 💾 Saved ({ $answered }/{ $total } { $total ->
        [one] question
       *[other] questions
    }). When you have time, type /tieptuc to continue right here.
not-editable = The application is “{ $state }”: its answers cannot be changed now.
assessment-complete = 🎉 You have answered every question!
review-part = <b>Part { $part } – { $title }: { $points }/{ $max } { $max ->
        [one] point
       *[other] points
    }</b>
review-line = { $id } { $title }: { $label } ({ $points }/{ $max })
review-line-unanswered = { $id } { $title }: <i>not answered</i> (at most { $max })
review-total = <b>Indicative total: { $points }/{ $max }</b>
review-how-to-change = To change an answer, press its criterion code in the messages above.
result-title = <b>Self-assessment result: { $product }</b>

## Bot: evidence

evidence-ask = Send photos, videos or files (PDF, Word, Excel…, up to 20 MB each) as evidence for <b>{ $id }. { $title }</b>. Press “Done” when finished.
evidence-duplicate = This file is already in { $id }: no second copy is kept ({ $count } { $count ->
        [one] file
       *[other] files
    } there).
evidence-saved = Evidence saved for { $id } ({ $count } { $count ->
        [one] file
       *[other] files
    }). Send more, or press “Done”.
btn-evidence-done = ✔️ Done
evidence-too-big = This file is larger than 20 MB and cannot be kept. Please send a photo or a smaller file.
evidence-none = No evidence yet. While answering, press “📎 Send evidence”.
evidence-list = <b>Evidence for “{ $product }”</b>
evidence-line = { $n }. { $id }: { $name }
evidence-kind-photo = photo
evidence-kind-document = file
btn-evidence-remove = 🗑 Remove file { $n }
evidence-removed = File removed.
evidence-business-registration = business registration certificate
evidence-production-certificate = production or food-safety certificate
evidence-raw-material = raw-material records, supply contracts
evidence-environment = environmental records, photos
evidence-local-labour = list of insured workers
evidence-growth = financial reports of the last 2 years
evidence-intellectual-property = trademark or other IP certificate
evidence-market = sales contracts, invoices
evidence-promotion = website, promotion material
evidence-story = leaflets, photos, films of the product story
evidence-quality-declaration = quality declaration, product standard
evidence-test-report = laboratory test report
evidence-traceability = barcode, traceability stamps
evidence-quality-management = quality-management certificate (ISO, HACCP…)
evidence-awards = awards, prizes

## Bot: help and unexpected input

help-intro =
    <b>OCOP Assistant</b> helps you score your product against the OCOP rubric, see its indicative stars and how to rise.
    Commands:
cmd-start = Start, register
cmd-danhgia = Self-assess a product
cmd-tieptuc = Continue where you stopped
cmd-sanpham = Your products
cmd-xemlai = Review and change answers
cmd-ketqua = Points, stars and how to rise
cmd-minhchung = Evidence you sent
cmd-thongtin = Your details
cmd-ngonngu = Change language
cmd-xoadulieu = Delete your data
cmd-huongdan = Help
hint-start = Type /start to begin.
hint-assess = You are in a self-assessment: press a button on the question, or type the option's number. Type /tieptuc to show the question again.
hint-evidence = You are sending evidence: send a photo, a video or a file, or press “Done”.
hint-menu = Type /sanpham for your products, /tieptuc to continue, /huongdan for help.
hint-registration = You are registering: answer the question above, or type /start to be asked again.
not-understood = I did not understand this message.
unknown-command = I do not know this command.
unsupported-message = I can read only text and buttons (photos, videos and files are for evidence).
stale-button = This button is old or no longer valid. Type /tieptuc or /sanpham to go on.
hint-menu-officer = Type /hoso to see your commune's applications, /huongdan for the guide.
hint-menu-admin = Type /quantri to manage commune officers, /hoso to see applications.
stale-button-officer = This button is old or can no longer be used. Type /hoso to see the list of applications.
stale-button-admin = This button is old or can no longer be used. Type /quantri or /hoso to go on.
stale-button-registering = This button is old. Here is the current question again.
error-sorry = Sorry, something went wrong. Your earlier answers are saved. Try again, or type /tieptuc.

## Configuration errors (shown when the bot starts)

config-BOT_TOKEN = BOT_TOKEN is wrong: it must be the token from @BotFather (like 123456:ABC…), in the .env file. Leave it empty to run the web chat alone, without Telegram.
config-TELEGRAM_API_ROOT = TELEGRAM_API_ROOT must be a URL, for example http://127.0.0.1:8081.
config-DATABASE_PATH = DATABASE_PATH must be the path of the database file, for example ./data/ocop.sqlite.
config-REDIS_URL = REDIS_URL must be a URL, for example redis://127.0.0.1:6379.
config-ADMIN_IDS = ADMIN_IDS must be Telegram user ids (digits), separated by commas.
config-BOT_MODE = BOT_MODE must be polling or webhook.
config-WEBHOOK_URL = WEBHOOK_URL is missing or wrong: in webhook mode it must be the public HTTPS address Telegram posts updates to, for example https://bot.example.vn/telegram.
config-WEBHOOK_SECRET = WEBHOOK_SECRET is missing or wrong: in webhook mode it must be 32 to 256 characters, only A-Z, a-z, 0-9, _ and -, for example made with: openssl rand -hex 32
config-PORT = PORT must be a port number (1–65535), for example 8080.
config-HOST = HOST must be the address to listen on, for example 0.0.0.0 or 127.0.0.1.
config-LOG_LEVEL = LOG_LEVEL must be one of: fatal, error, warn, info, debug, trace, silent.
config-PUBLIC_URL = PUBLIC_URL must be the http or https address people open the web chat at, for example https://ocop.example.vn.
config-FILES_DIR = FILES_DIR must be the path of the folder for uploaded files, for example ./data/files.
startup-rubric-invalid = The rubric data has errors; the bot does not start. Run “npm run rubric -- check” for the details.

## npm run chat (the bot in the terminal)

chat-intro =
    The OCOP Assistant in the terminal: no token, no network.
    Type messages as in Telegram (e.g. /start). Buttons show as [1], [2]…: type the number to press one. Ctrl+D quits.
chat-edited = (the message above was edited to)
chat-notice = [notice] { $text }

## Applications: submitting, status, timeline

btn-submit = 📨 Submit the application
btn-withdraw = ↩️ Withdraw
btn-resubmit = 📨 Submit again
btn-edit-application = ✏️ Change answers
submitted = 📨 Application submitted. I will tell you about every change.
withdrawn = Application withdrawn.
not-ready = <b>The application cannot be submitted yet.</b> Missing:
missing-clearances = • { $count } eligibility questions not answered
missing-failed-clearances = • { $count } conditions not met (the dossier would be rejected)
missing-unanswered = • { $count } { $count ->
        [one] criterion
       *[other] criteria
    } not answered: { $list }
missing-evidence = • { $count } { $count ->
        [one] criterion
       *[other] criteria
    } need evidence files: { $list }
missing-below-three = • Indicative score { $total }, only { $stars }★: 3★ (50 points) or more is needed. See /ketqua for how to rise.
missing-below-three-markers = • Indicative score { $total } is enough for 3★, but star markers are missing, so only { $stars }★: { $markers }. See /ketqua for how to rise.
missing-marker = { $criterion } must reach the ★{ $marker } level
nothing-to-submit = You have no finished self-assessment to submit. Type /tieptuc to continue.
action-already = This was already done. The application is “{ $state }”.
action-wrong-state = The application is “{ $state }”: this cannot be done now.
status-none = No applications yet. Type /danhgia to start a self-assessment.
status-head = 📦 <b>{ $product }</b> – { $state }
status-score = Indicative score: { $total }/100 · { $stars }★
status-score-none = Indicative score: none yet, no question answered.
status-official = 🏅 Official result: { $stars }★ (decision { $decision } of { $date })
status-timeline = <b>History:</b>
status-event = • { $at } – { $action } ({ $who })
status-event-note = {"   "}Note: { $note }
next-draft = Next: answer every question (/tieptuc).
next-completed = Next: submit the application (/nop).
next-submitted = Next: the commune officer receives it.
next-received = Next: the commune evaluates it and forwards it to the province (within 15 working days).
next-returned = Next: make the changes the commune asked for, then submit again.
next-forwarded = Next: the provincial council rates it.
next-rated = The official result is recorded.
next-withdrawn = The application was withdrawn.
action-complete = Self-assessment completed
action-submit = Submitted
action-withdraw = Withdrawn
action-receive = Received by the commune
action-return = Changes requested by the commune
action-evaluate = Local criteria evaluated by the commune
action-forward = Forwarded to the province
action-record-result = Official result recorded
role-producer = producer
role-officer = commune officer
role-admin = administrator
role-system = system
cmd-nop = Submit an application
cmd-trangthai = Status of applications
cmd-thanhvien = Members of your organisation
cmd-hoso = Applications of your commune
cmd-xuat = Export the list to Excel

## Notifications

notify-submit = 📨 “{ $product }” was submitted to the People's Committee of { $commune }. Indicative score { $total }/100 ({ $stars }★).
notify-no-officer = ⚠️ { $commune } has no officer in the system yet; the provincial administrators were told.
notify-withdraw = ↩️ The application for “{ $product }” was withdrawn.
notify-receive = 📬 The People's Committee of { $commune } received “{ $product }”. The commune has 15 working days to evaluate it and forward it to the province.
notify-return =
    ✏️ The commune officer asks for changes to “{ $product }”:
    «{ $note }»
    Change your answers or add evidence, then press “Submit again”.
notify-forward = 🏛 “{ $product }” was forwarded to the province for rating.
notify-record-result = 🏅 Official result: “{ $product }” is rated { $resultStars }★ (decision { $decision } of { $decisionDate }).
notify-officer-submit =
    📥 <b>New application: { $product }</b> ({ $set })
    Producer: { $producer } – { $org }
    Location: { $commune }
    Indicative score: A { $a }/40 · B { $b }/25 · C { $c }/35 · Total { $total } → { $stars }★
    Evidence: { $files } { $files ->
        [one] file
       *[other] files
    }
notify-admin-submit-no-officer =
    📥 <b>New application (the commune has no officer): { $product }</b> ({ $set })
    Producer: { $producer } – { $org }
    Location: { $commune }
    Indicative score: A { $a }/40 · B { $b }/25 · C { $c }/35 · Total { $total } → { $stars }★
    Evidence: { $files } { $files ->
        [one] file
       *[other] files
    }
notify-officer-withdraw = ↩️ The producer withdrew “{ $product }” ({ $org }).

## Commune officers

btn-officer-view = 👁 View
btn-officer-receive = 📬 Receive
btn-officer-return = ✏️ Request changes
btn-officer-evaluate = 📝 Evaluate local criteria
btn-officer-forward = 🏛 Forward to the province
btn-officer-result = 🏅 Record the official result
btn-prev = ◀️ Previous
btn-next = Next ▶️
officer-only = This command is for commune officers and administrators.
officer-welcome = Welcome, officer! Type /hoso for your commune's applications, /xuat to export them to Excel.
officer-app-head =
    <b>{ $product }</b> ({ $set })
    Producer: { $producer } · { $phone }
    Location: { $commune }
    Status: { $state }
officer-app-score = Indicative score: A { $a }/40 · B { $b }/25 · C { $c }/35 · Total { $total } → { $stars }★ · Evidence: { $files } { $files ->
        [one] file
       *[other] files
    }
officer-answer = { $id }: { $label } ({ $points }/{ $max })
officer-evidence-caption = 📎 Evidence for <b>{ $id }</b> { $title }
days-left = { $days } { $days ->
        [one] working day
       *[other] working days
    } left (deadline { $deadline })
days-overdue = { $days } { $days ->
        [one] working day
       *[other] working days
    } overdue (deadline { $deadline })
done-receive = Received.
done-forward = Forwarded to the province.
done-return = The request for changes was sent to the producer.
done-record-result = The official result is recorded and the producer told.
officer-done-receive = 📬 Received “{ $product }”. { $days }
officer-done-forward = 🏛 Forwarded “{ $product }” to the province.
ask-return-note = Write what the producer must add or change in “{ $product }” (one message):
return-note-too-short = The note is too short. Please say what needs changing.
local-head = <b>{ $topic }</b> – { $id } { $title }
local-producer = The producer's own answer: { $label } ({ $points } { $points ->
        [one] point
       *[other] points
    }). The commune's evaluation:
local-origin = Local origin of raw material or product
local-labour = Use of local labour
local-idea = Origin of the product idea
local-identity = Local identity and wisdom
local-saved = The commune's evaluation is recorded.
local-remaining = { $count } { $count ->
        [one] local criterion
       *[other] local criteria
    } still to evaluate.
local-all-done = All local criteria are evaluated. The application can be forwarded to the province.
local-missing = Evaluate every local criterion before forwarding to the province.
local-wrong-state = Local criteria can be evaluated only once the application is received.
ask-result-stars = How many stars did “{ $product }” officially get?
ask-decision-number = What is the number of the recognition decision? (e.g. 1234/QĐ-UBND)
ask-decision-date = The decision's date (day/month/year, e.g. 15/08/2026):
invalid-decision-date = That date is not right. Type it as day/month/year, e.g. 15/08/2026.
date-in-future = { $date } has not come yet. Type a day that has passed, today ({ $today }) at the latest.
decision-before-submission = A decision cannot be signed before the application was submitted ({ $submitted }). Type a day from { $submitted } to today ({ $today }).
hint-officer = You are entering details for an application: answer the question above, or /hoso to go back to the list.
officer-list-head = <b>Applications – { $filter }</b>: { $count } (page { $page }/{ $pages })
officer-list-line = { $n }. { $product } – { $org } – { $state }
officer-list-empty = No applications.
province-deadline = Next deadline to propose to the province: { $proposeBy } (rated before { $ratedBy }).
filter-open = waiting for action
filter-submitted = newly submitted
filter-received = received
filter-returned = changes requested
filter-forwarded = forwarded
filter-rated = rated
filter-all = all
export-caption = OCOP applications
export-producer = Producer
export-organisation = Organisation
export-commune = Commune or ward
export-product = Product
export-product-set = Product set
export-rubric-version = Rubric version
export-part-a = Part A
export-part-b = Part B
export-part-c = Part C
export-total = Total
export-stars = Indicative stars
export-state = Status
export-submitted = Submitted
export-received = Received
export-official-stars = Official stars
export-decision = Decision number
export-decision-date = Decision date

## Members and invitations

members-owner-only = Only the owner of the organisation manages its members.
members-head = <b>Members of { $org }</b>: { $count }
members-line = { $n }. { $name } (since { $since })
members-open-invites = { $count } invitation links not used yet.
btn-invite-member = ➕ Create an invitation link
btn-remove-member = ✖️ Remove member { $n }
btn-revoke-invite = 🚫 Cancel invitation { $n }
member-removed = Member removed.
invite-revoked-done = Invitation cancelled.
invite-member-link =
    Send this link to a member of { $org } (single use, expires on { $day } at { $time }):
    { $link }
invite-joined = ✅ You are now a member of { $org }. Type /trangthai to see its applications.
invite-officer = ✅ You are now an OCOP officer of: { $communes }. Type /hoso to see the applications.
invite-unknown = This invitation link is not valid. Please ask for a new one.
invite-used = This invitation link was already used. Please ask for a new one.
invite-expired = This invitation link has expired. Please ask for a new one.
invite-revoked = This invitation link was cancelled.
invite-own-organisation = You already own this organisation.

## Administrators

admin-only = This command is for administrators only.
admin-menu = <b>Administration</b>
btn-admin-invite-officer = ➕ Invite a commune officer
btn-admin-officers = 👥 Officers
btn-admin-revoke = 🚫 Revoke: { $name }
admin-ask-commune = Type the officer's commune (with the province if you like):
admin-officer-link =
    Send this link to the officer of { $commune } (single use, expires on { $day } at { $time }):
    { $link }
admin-no-officers = No officers yet.
admin-officer-line = { $n }. { $name } – { $commune }
admin-revoked = Officer rights revoked.

## Reminders

remind-digest-head = ☀️ <b>OCOP applications waiting for you</b> ({ $date })
remind-digest-counts = New, waiting to be received: { $submitted }. Received, being evaluated: { $received }.
remind-digest-urgent = ⏳ Most urgent: “{ $product }”, { $days ->
        [one] 1 working day
       *[other] { $days } { $days ->
        [one] working day
       *[other] working days
    }
    } left (deadline { $deadline }).
remind-digest-urgent-today = ⏳ Most urgent: “{ $product }”, today is the last day ({ $deadline }).
remind-digest-overdue = ⚠️ Most urgent: “{ $product }”, overdue by { $days ->
        [one] 1 working day
       *[other] { $days } { $days ->
        [one] working day
       *[other] working days
    }
    } (deadline { $deadline }).
remind-digest-province = 🏛 Deadline to propose to the province: { $proposeBy }. The province rates before { $ratedBy }.
btn-remind-open-list = 📂 Open the list
remind-idle =
    👋 The application “{ $product }” is unfinished. { $answered ->
        [0] You have not answered any of the { $total } { $total ->
        [one] question
       *[other] questions
    } yet.
       *[other] You have answered { $answered } of { $total } { $total ->
        [one] question
       *[other] questions
    }.
    }
    Continue when you have time. Your answers are saved.
btn-remind-continue = ▶️ Continue
btn-remind-off = 🔕 Stop reminders
reminders-on = 🔔 Reminders are on. Type /nhacnho to turn them off.
reminders-off = 🔕 Reminders are off. Type /nhacnho to turn them back on.
reminders-state-on = 🔔 Reminders are on. I remind you when a dossier has been left unfinished, when an OCOP certificate is about to expire; commune officers get a morning reminder when applications are waiting.
reminders-state-off = 🔕 Reminders are off. I will not remind you of anything.
btn-reminders-off = 🔕 Turn reminders off
btn-reminders-on = 🔔 Turn reminders on
cmd-nhacnho = Turn reminders on or off

## npm run admin (administrators on a computer)

cli-admin-usage =
    Usage:
      npm run admin -- find-commune <commune name>
      npm run admin -- invite-officer --commune <code> [--commune <code>…]
      npm run admin -- list-officers
      npm run admin -- revoke-officer --user <telegram id>
      npm run admin -- communes export <file.csv>
      npm run admin -- communes import <file.csv> [--yes]
cli-admin-no-username = BOT_USERNAME (the bot's name) or BOT_TOKEN (to ask Telegram for it) is needed.
cli-admin-getme-failed = Could not ask Telegram for the bot's name: { $message }. Set BOT_USERNAME.
cli-admin-commune-unknown = There is no commune with code { $codes }. Find codes with: npm run admin -- find-commune <name>
cli-admin-invite = Invitation link for the officer of { $communes } (single use, expires on { $day } at { $time }):
cli-admin-not-officer = User { $id } is not a commune officer.

## Completing the dossier (Hoàn thiện hồ sơ) and the Word forms

btn-dossier = 📄 Complete the dossier
btn-forms = 📎 Get the forms (Mẫu 01, 02)
btn-officer-forms = 📄 Mẫu 03 and the producer's forms
btn-dossier-skip = Skip
btn-dossier-stop = 💾 Save and stop
btn-dossier-use-suggestion = ✅ Use the suggestion
cmd-hoanthien = Complete the details for the forms
cmd-hoso_giay = Get Mẫu 01 and 02 (Word)
dossier-intro = <b>Completing the dossier</b>: a few more details to fill in the registration form (Mẫu 01) and the self-assessment report (Mẫu 02). Press “Skip” for anything you do not have; change anything later with /hoanthien.
dossier-progress = <b>Item { $n }/{ $total }</b>
dossier-current = Now: { $value }
dossier-suggestion = Suggested from your answers: { $value }
dossier-type-text = Type your answer.
dossier-type-date = Type day/month/year, e.g. 15/03/2018.
dossier-yes = Yes
dossier-no = No
dossier-value-missing = (missing)
dossier-value-skipped = (skipped)
dossier-invalid-text = That answer is not valid (empty or too long). Type it again, or press “Skip”.
dossier-too-long = That answer is too long: at most { $max } characters, you typed { $length }. Type a shorter one, or press “Skip”.
dossier-invalid-date = That date is not right. Type day/month/year, e.g. 15/03/2018.
dossier-invalid-email = That email is not right, e.g. htx.tanhoa@gmail.com. Type it again, or press “Skip”.
dossier-done = ✅ The details are complete. Press to get Mẫu 01 and Mẫu 02 (Word files), filled in.
dossier-paused = 💾 Saved. Type /hoanthien to go on.
dossier-summary = <b>Dossier details: { $product }</b> (press a number to change it)
dossier-line = { $n }. { $label }: { $value }
dossier-desc = How criterion { $id } { $title } is met
hint-dossier = You are completing the dossier: answer the question above, press “Skip”, or “Save and stop”.
forms-caption-mau-01 = Mẫu số 01 – OCOP registration form
forms-caption-mau-02 = Mẫu số 02 – Self-assessment report (indicative score)
forms-caption-mau-03 = Mẫu số 03 – The commune's report (filled in, to be signed)
forms-incomplete-hint = Some details are still empty (dotted lines). Type /hoanthien to fill them in.
dossier-registration-kind = Which registration is this?
dossier-registration-kind-help = First time, an upgrade, or a re-evaluation after the certificate expired.
dossier-registration-kind-first = First time
dossier-registration-kind-upgrade = Upgrade
dossier-registration-kind-re-evaluation = Re-evaluation
dossier-address = Address of the business
dossier-address-help = House number, hamlet or village, commune, province.
dossier-email = Email of the business
dossier-email-help = If there is none, press “Skip”.
dossier-rep-position = Position of the legal representative
dossier-rep-position-help = E.g. head of household, director, chair of the cooperative.
dossier-rep-gender = Gender of the legal representative
dossier-rep-gender-help = For Mẫu 02, item I.5.
dossier-rep-gender-female = Female
dossier-rep-gender-male = Male
dossier-rep-ethnicity = Ethnicity of the legal representative
dossier-rep-ethnicity-help = E.g. Kinh, Tày, Khmer, Ê Đê.
dossier-rep-address = Permanent address of the legal representative
dossier-rep-address-help = As on the citizen ID card.
dossier-founded-on = Date of founding or of business registration
dossier-founded-on-help = As on the business registration certificate.
dossier-registration-number = Number of the business registration certificate
dossier-registration-number-help = As on the business registration certificate.
dossier-description = Product description and specification
dossier-description-help = E.g. pure honey, 500 ml glass bottle, 24 months' shelf life.
dossier-standard = Product standard applied
dossier-standard-help = E.g. TCVN 12605:2019, or an in-house standard TCCS 01:2024.
dossier-legal-business-registration = Does the business have a business registration certificate?
dossier-legal-business-registration-help = Mẫu 02, item I.7.
dossier-legal-quality-declared = Has the product's quality been declared (self-declaration)?
dossier-legal-quality-declared-help = Mẫu 02, item I.7.
dossier-legal-food-safety = Is there a food-safety certificate for the premises?
dossier-legal-food-safety-help = Mẫu 02, item I.7.
dossier-legal-production-certificate = Is there another mandatory production certificate (where the sector requires one)?
dossier-legal-production-certificate-help = E.g. a licence to produce spirits. If not required, choose No.
dossier-legal-trademark = Is there a trademark certificate?
dossier-legal-trademark-help = Mẫu 02, item I.7 (intellectual property).
dossier-legal-geographical-indication = Does the product have a geographical indication, a collective or a certification mark?
dossier-legal-geographical-indication-help = Mẫu 02, item I.7 (intellectual property).
dossier-legal-patent = Is there a patent?
dossier-legal-patent-help = Mẫu 02, item I.7 (intellectual property).
dossier-legal-industrial-design = Is there an industrial design certificate?
dossier-legal-industrial-design-help = Mẫu 02, item I.7 (intellectual property).
dossier-legal-copyright = Is there a copyright certificate?
dossier-legal-copyright-help = Mẫu 02, item I.7 (intellectual property).
dossier-legal-other-ip = Other intellectual property titles
dossier-legal-other-ip-help = Name the title, or press “Skip”.
dossier-history = History of the business
dossier-history-help = A few sentences: founded when, by whom, making this product for how long.
dossier-structure = Organisational structure
dossier-structure-help = How many people; who handles production, sales, accounts.
dossier-business-raw-material = Raw-material area
dossier-business-raw-material-help = Where the raw material comes from, area, yearly output.
dossier-business-technology = Technology and machinery
dossier-business-technology-help = Machines and processes in use.
dossier-business-processing = Pre-processing and processing
dossier-business-processing-help = The steps of pre-processing and processing.
dossier-business-packaging = Packing and packaging
dossier-business-packaging-help = Kind of packaging, label, how it is packed.
dossier-business-changes = Changes in quality, standard, packaging, labelling
dossier-business-changes-help = What was improved lately.
dossier-business-markets = Markets
dossier-business-markets-help = Where it sells: in the commune, the province, supermarkets, e-commerce, export.
dossier-business-revenue = Revenue of the last year
dossier-business-revenue-help = E.g. 1.2 billion dong.
dossier-business-profit = Profit of the last year
dossier-business-profit-help = E.g. 150 million dong.
dossier-plan = Production and business plan ahead
dossier-plan-help = Plans for the product, production and markets.
cli-forms-usage = Usage: npm run forms -- --application <application id> --out <folder>
cli-forms-unknown = There is no application { $id }.
evidence-saved-kind = Evidence saved for { $id } ({ $count } { $count ->
        [one] file
       *[other] files
    }). What kind of document is it? (optional) Send more, or press “Done”.
evidence-tagged = Recorded: { $kind }
ask-local-note = The commune's remarks on “{ $topic }” (what it sees locally, for Mẫu 03). Type one message, or press “Skip”.
local-note-saved = The commune's remarks are recorded.

## Bot: Telegram's limits, failures, edited messages (plumbing)

error-sorry-short = Sorry, something went wrong. Please try again.
error-try-later = The system is busy and could not handle this message. Please try again in a few minutes. Your earlier answers are saved.
error-try-later-short = The system is busy. Please try again in a few minutes.
answer-changed-older-clearance = Changed the answer to condition { $n }. Indicative total now: { $total }.
evidence-kinds = Evidence can be photos, videos or files (PDF, Word, Excel…), up to 20 MB each. Send it again, or press “Done”.
evidence-closed = The application is “{ $state }”: it takes no more evidence. When the commune asks for changes, you can send more.
edit-applied = ✏️ I changed it as in the message you just edited.
edit-not-last = I can apply an edit only to the last answer you typed.
edit-too-late = That message has been used already: editing it now changes nothing.
edit-where-profile = To change your name, phone, organisation or commune: type /thongtin.
edit-where-assess = To change an answer: type /xemlai.
edit-where-dossier = To change the dossier's details: type /hoanthien.
edit-where-product = To see your products: type /sanpham.
edit-where-officer = To see the application again: type /hoso.
edit-where-any = Please send a new message. To change your personal details: type /thongtin.
## Honest scores: the “none of these” option the rubric engine adds

problem-option-reserved = criterion { $at }: option { $option } clashes with the “none of these” option the bot adds itself; rename the option or remove the row
q-option-none = { $n }. <i>{ $label }</i> — <b>0 points</b>
q-option-none-chosen = ✅ { $n }. <i>{ $label }</i> — <b>0 points</b> (chosen)
btn-option-none = { $n } · None yet

## Rules around the rubric: households without a business registration

ask-business-registration =
    Does your household hold a <b>household business registration certificate</b>?
    (The law admits households as OCOP producers only <b>with a business registration</b>.)
btn-registered-yes = ✅ Yes, registered
btn-registered-no = Not yet
household-unregistered =
    <b>Household without a business registration</b>
    • What the law asks: under Decision 26/2026/QĐ-TTg (Art. 2, clause 3), production households and families take part in OCOP <b>with a business registration</b>. The dossier needs that certificate.
    • What to do: at the People's Committee of the commune or ward where you produce, register a <b>household business</b> (bring your citizen ID; the one-stop desk explains the request form).
    • Meanwhile you can still self-assess and see where your product stands. Only filing the application has to wait for the certificate.
    Once registered, go to /thongtin → “Edit type” to record it.
business-registration-saved = ✅ Recorded: your household has a business registration. Type /nop to submit.
profile-business-registered = Household business registration: yes
profile-business-unregistered = Household business registration: <b>not yet</b> (cannot file an OCOP application yet)
q-household-unregistered = 🏠 Your household <b>has no business registration</b>, and every level of this criterion needs one. Choose “none of these” to be accurate; once registered, change this answer.
missing-household-registration = • The household has no business registration: the law admits only registered households ({ $version ->
        [qd26-2026] Decision 26/2026, Art. 2
       *[other] { $decision }
    }). Register a household business at the commune or ward, then submit again.
business-registration-noted = ✅ Recorded: your household has a business registration.
btn-now-registered = ✅ My household is now registered

## Rules around the rubric: rubric versions (from the product's menu)

btn-rubric-version = 📜 Rubric · filed before { $from }?
version-current =
    📜 <b>“{ $product }” is scored under:</b> { $title }
    Basis: { $source }
version-explain =
    Under Decision 26/2026/QĐ-TTg (Art. 12), a dossier <b>filed with the commune before { $from }</b> and not yet rated is still scored under the earlier rubric (Decision 148/2023), but must be rated within 60 days (first rating, upgrade) or 30 days (re-rating) of { $from }. Dossiers filed from { $from } are scored under the new rubric.
    Switch only if your dossier really was filed before { $from }.
version-switch-offer = Switching to { $title }: { $kept } { $kept ->
        [one] answer
       *[other] answers
    } kept, { $dropped } to answer again.
btn-version-earlier = 📜 I filed before { $from }: use the earlier rubric
btn-version-latest = ↩️ Score under the new rubric (from { $from })
version-not-shipped =
    The bot <b>does not have</b> the { $title } sheet for “{ $set }”; it has it only for: { $sets }.
    You can still self-assess under { $latest } to see where you stand, but the score may differ from the council's under the old sheet. Ask your commune officer for the old sheet of this set.
version-not-editable = The application is “{ $state }”: its rubric can no longer change.
version-switched = ✅ Switched to { $title }. { $kept } { $kept ->
        [one] answer
       *[other] answers
    } kept; { $dropped } to answer again.
version-already = The application already uses this rubric.
action-rubric-version = rubric changed
report-version-earlier = Scored under the earlier rubric (in force until { $to }), as the dossier was filed before the new one took effect.

## Rules around the rubric: the guide (/huongdan), one topic per message

guide-intro =
    <b>OCOP guide</b>
    Choose a topic below. Each one is a short message.
guide-btn-cycle = 🔄 The OCOP cycle
guide-btn-tiers = ⭐ Tiers, who recognises
guide-btn-dossier = 📁 What the dossier holds
guide-btn-deadlines = 📅 Commune, province deadlines
guide-btn-history = 📚 History of the rubric
guide-btn-versions = 📜 Filed before Decision 26
guide-btn-household = 🏠 Unregistered households
guide-btn-none = ⭕ “None of these”
guide-btn-after = 🏅 After the result
guide-btn-commands = ⌨️ The bot's commands
guide-cycle =
    <b>The yearly OCOP cycle</b>
    1. Awareness and guidance.
    2. Product ideas are received.
    3. Business plans and projects are received.
    4. Implementation: production, finishing the product.
    5. Evaluation and rating of the product.
    6. Trade promotion: marketing, connecting to buyers.
    The bot helps with step 5: self-scoring against the rubric, what to improve, filing with the commune and following the result.
guide-tiers-head = <b>Star tiers</b> (total points out of 100, Decision 26/2026, Art. 3–4):
guide-tier = • { $stars }★ ({ $top ->
        [1] { $min }–{ $max }
       *[0] { $min } to under { $max }
    } points): { $meaning } Recognised by: { $by }.
guide-tier-not-recognised = • { $stars }★ ({ $min } to under { $max } { $max ->
        [one] point
       *[other] points
    }): { $meaning } Not recognised as OCOP.
guide-tiers-foot =
    The certificate (3★ and up) is valid for 36 months.
    A ★ next to an option is the minimum for that many stars: enough points with a missed ★ means a lower tier.
guide-dossier =
    <b>What the OCOP dossier holds</b> (Decision 26/2026, Art. 6–7)
    • The registration form (Mẫu số 01).
    • The self-assessment report (Mẫu số 02): general information, business results, a self-score of every criterion with a description and evidence (business registration, facility certificates, contracts, test reports, trademarks…).
    • 5 product samples (not for tourism services).
    Filed with the commune People's Committee: 1 paper and 1 electronic copy. Upgrade: show what changed since recognition. Re-rating: update what is new and the documents that expire.
    In the bot: /hoanthien fills in the details, /hoso_giay sends Mẫu 01 and 02 filled in, /nop submits.
guide-deadlines =
    <b>Deadlines</b> (Decision 26/2026, Art. 5, 7)
    • Commune: within <b>15 working days</b> of receipt, the commune checks the dossier, evaluates 4 points (raw material, local labour, origin of the idea, local identity), writes its report (Mẫu 03) and proposes it to the province.
    • Province: at least 2 rounds a year. Dossiers proposed before <b>30/4</b> are rated before 30/6; before <b>30/10</b>, rated before 30/12.
    • 5 stars (Ministry of Agriculture and Environment): proposed by the province before 30/7, rated before 30/9; before 30/01, rated before 30/3.
    Next round: commune proposal before { $proposeBy }, provincial rating before { $ratedBy }.
guide-history-head = <b>History of the OCOP rubric</b>
guide-history-early = • 2017–2018, the early years: points split 35 / 20 / 45 for organisation of production / marketing / quality. The project has not found the original text of this split, so it is unverified; the bot has no sheet for it.
guide-history-version = • <b>{ $title }</b>: from { $from }; parts { $weights } { $weights ->
        [one] point
       *[other] points
    }; the bot has { $sheets } { $sheets ->
        [one] scoring sheet
       *[other] scoring sheets
    }.
guide-history-version-ended = • <b>{ $title }</b>: from { $from } to { $to }; parts { $weights } { $weights ->
        [one] point
       *[other] points
    }; the bot has { $sheets } { $sheets ->
        [one] scoring sheet
       *[other] scoring sheets
    }.
guide-history-foot = Decision 1489/2025 changed Decision 148's procedure from 06/7/2025: producers file with the commune, the province rates both 3★ and 4★. An application is always scored under the rubric it uses.
guide-versions =
    <b>Dossiers filed before { $from }</b>
    Decision 26/2026 is in force from { $from }. A dossier filed before that day and not yet rated is still scored under the earlier rubric ({ $earlier }), but must be rated within 60 days (first rating, upgrade) or 30 days (re-rating) of { $from } (Art. 12).
    The bot switches only when you say so: /sanpham → choose the product → “📜 Rubric”. The bot has the earlier sheet for: { $sets }. For other sets it says plainly that it has none.
    Products recognised before { $from } keep their certificate until it expires.
guide-none =
    <b>“None of these”</b>
    Many criteria have no 0-point option (e.g. origin of the product, the environment dossier, the quality declaration). If you meet none of the levels, choose “none of these” (0 points). It is not one of the sheet's options; the bot adds it so the indicative score stays honest.
    Choosing it misses that criterion's ★ marker (if any), and the improvement plan starts from 0.
guide-after =
    <b>After the result</b>
    • An OCOP certificate is valid for <b>36 months</b> from the decision (Art. 4).
    • Re-rating: file between 180 and 120 days before the certificate expires (Art. 7, clause 6). The bot reminds you and your members 6 and 3 months before it expires.
    • Upgrade: when the product has improved; the dossier shows what changed (Art. 6).
    • The bot starts a re-rating or an upgrade from your last answers: /trangthai → “🔁 Re-assess” or “⬆️ Upgrade”.
    • When the officer records the council's points per part, /trangthai shows your own score beside the council's.

## After the result: certificates, re-assessment and upgrade, the council's points per part

remind-certificate =
    { $months ->
        [6] 🏅
       *[other] ⏰
    } The OCOP { $stars }★ certificate of “{ $product }” expires on <b>{ $expires }</b> (in about { $months } { $months ->
        [one] month
       *[other] months
    }).
    { $late ->
        [1] The last day to file for re-rating (120 days before expiry) was { $refileBy }. If you filed, nothing more to do; if not, ask your commune officer how to go on.
       *[0] To keep the rating, file for re-rating between <b>{ $refileFrom } and { $refileBy }</b> (180 to 120 days before expiry, Decision 26/2026, Art. 7).
    }
    The bot starts the re-rating (or an upgrade) from your last answers.
btn-reassess-re-evaluation = 🔁 Re-assess
btn-reassess-upgrade = ⬆️ Upgrade
btn-reassess-first = 🔁 New self-assessment
reassess-kind-re-evaluation = a re-rating
reassess-kind-upgrade = an upgrade
reassess-kind-first = a new assessment
reassess-started =
    ✅ Started <b>{ $kind }</b> of “{ $product }” under { $title }.
    { $kept } { $kept ->
        [one] answer
       *[other] answers
    } and their evidence are kept from last time; { $asked } { $asked ->
        [one] criterion
       *[other] criteria
    } to answer again, with the dossier conditions.
    A lot changes in 3 years: review every answer (📋 Review) and replace documents that have expired (/minhchung).
reassess-exists = This product already has { $kind } in progress. Continuing that one.
reassess-no-sheet = There is no current scoring sheet for this product set yet.
action-start-re-evaluation = re-rating started
action-start-upgrade = upgrade started
action-start-first = new assessment started
action-record-points = council's points per part recorded
status-certificate = The certificate is valid until { $expires }.
status-certificate-expired = The certificate expired on { $expires }.
status-calibration = 📊 Your self-assessment and the council's points:
calibration-part = Part { $part }: you { $self } · council { $official } /{ $max } (gap { $gap })
calibration-total = Total: you { $self } · council { $official } (gap { $gap })
notify-official-points = 📊 <b>The council's points per part for “{ $product }”</b>, beside your self-assessment:
notify-officer-application-deleted = 🗑 The application “{ $product }” ({ $commune }) was withdrawn and deleted by its producer, who asked for their personal data to be deleted. It is no longer in the commune's list.
btn-official-points = 📊 Record the council's points per part
official-points-part = { $part } (max { $max })
ask-official-points =
    The council's points for “{ $product }”, per part: { $parts }.
    Type the numbers in that order, separated by spaces. Example: 32.5 18 27
official-points-invalid = I could not read that. One number per part is needed: { $parts }, separated by spaces (e.g. 32.5 18 27).
official-points-saved = ✅ The council's points for “{ $product }” are recorded; the producer and members are told.
officer-app-rubric = Rubric: { $title }
calibration-summary = 📊 Self-assessment against the council ({ $count } { $count ->
        [one] application
       *[other] applications
    } with points per part), average gap: { $gaps }
calibration-summary-total = total { $gap }
calibration-summary-commune = • { $commune }: { $count } { $count ->
        [one] application
       *[other] applications
    }, total gap { $gap }
export-official-a = Council points, part A
export-official-b = Council points, part B
export-official-c = Council points, part C
export-none-answers = Criteria answered “none of these”
## Administrative units (xã, phường, đặc khu) and the commune list (npm run admin -- communes)

unit-name = { $type ->
    [ward] { $name } Ward
    [special-zone] { $name } Special Zone
   *[commune] { $name } Commune
}
unit-in-province = { $type ->
    [ward] { $name } Ward – { $province }
    [special-zone] { $name } Special Zone – { $province }
   *[commune] { $name } Commune – { $province }
}
problem-commune-csv = the file is not valid CSV ({ $message })
problem-commune-header = the header row needs the columns { $columns } (missing: { $missing })
problem-commune-code = code “{ $value }” is not valid (exactly 5 digits)
problem-commune-name = name “{ $value }” is not valid
problem-commune-type = type “{ $value }” is not valid (xã, phường, đặc khu, or commune, ward, special-zone)
problem-commune-province = province code “{ $value }” is not one of the 34 provinces
problem-commune-duplicate = code { $value } appears twice
problem-commune-replaces-unknown = the replaces column names code { $value }, which no unit of the list has
problem-commune-replaces-kept = the replaces column names code { $value }, but that unit is still in the file
cli-communes-problems = The file { $file } has errors; nothing was changed:
cli-communes-problem = • Line { $line }: { $message }
cli-communes-read-failed = Could not read { $file }: { $message }
cli-communes-scope = The file { $file } covers { $count } provinces ({ $provinces }); other provinces stay as they are.
cli-communes-added = Added, { $count } { $count ->
        [one] unit
       *[other] units
    }:
cli-communes-renamed = New name, type or code, { $count } { $count ->
        [one] unit
       *[other] units
    } (applications, organisations and officers follow):
cli-communes-merged = Merged, { $count } { $count ->
        [one] unit
       *[other] units
    } (applications, organisations and officers move to the new unit):
cli-communes-removed = Removed, { $count } { $count ->
        [one] unit
       *[other] units
    }:
cli-communes-unchanged = Unchanged: { $count } { $count ->
        [one] unit
       *[other] units
    }.
cli-communes-line-added = + { $unit } (code { $code })
cli-communes-line-renamed = ~ { $before } (code { $code }) → { $after } (code { $newCode })
cli-communes-line-merged = ⇢ { $unit } (code { $code }) → { $into } (code { $intoCode })
cli-communes-line-removed = − { $unit } (code { $code })
cli-communes-many-renamed = ⚠️ Most units in the file are renamed: its codes may not be the bot's codes. Export the current list (communes export), edit that file and import it again.
cli-communes-nothing = Nothing changes.
cli-communes-in-use = Not applied: these units would be removed but organisations, applications, officers or invitations still name them:
cli-communes-in-use-line = • { $unit } (code { $code }): { $organisations } organisations{ $names }, { $applications } { $applications ->
        [one] application
       *[other] applications
    }, { $officers } { $officers ->
        [one] officer
       *[other] officers
    }, { $invites } unused invitations
cli-communes-in-use-hint = If a unit was merged into another, put its code in the new unit's replaces column: organisations, applications and officers then move with it.
cli-communes-confirm = Apply these changes? Type y (yes) or n (no):{ " " }
cli-communes-applied = ✅ The list is updated: { $added } added, { $renamed } changed, { $merged } merged, { $removed } removed. A running bot uses it at once.
cli-communes-cancelled = Cancelled; nothing was changed.
cli-communes-changed = The list was changed elsewhere meanwhile. Run the command again to see the new differences.
cli-communes-exported = Wrote { $count } { $count ->
        [one] commune, ward or special zone
       *[other] communes, wards and special zones
    } to { $file }.
## Filing step by step, evidence before filing, unreachable officers, administrators (issue 10)

fix-how = Press “Complete step by step” or one item: when an item is done, the next one opens.
fix-how-items = Press a button below to go on.
btn-fix-start = ▶️ Complete step by step
btn-fix-clearance = ⚖️ Condition { $n }
btn-fix-failed-clearance = ⚠️ Condition { $n }
btn-fix-criterion = ❓ { $id }
btn-fix-evidence = 📎 { $id }
btn-fix-score = ⭐ How to raise the score
ready-title = ✅ <b>The application can be submitted.</b>
ready-warnings-head = The self-assessment report (Mẫu 02) will list this evidence as missing:
ready-warning-line = • { $kind } (criteria { $criteria })
ready-warnings-note = You may submit without it, but the council scores on the evidence. Press 📎 to send more, or “Submit”.
submitted-no-officer = ⚠️ The commune has no officer in the system yet: the application went to the provincial administrators, who will tell the commune.
submitted-officer-unreachable = ⚠️ The commune officer cannot be messaged (they blocked the bot or never opened it): the application went to the provincial administrators, who will tell the commune.
submitted-nobody = ⚠️ The commune has no officer here yet, and no administrator is set up to be told. The application is filed and kept: once the commune has an officer, they will see it at once.
notify-officer-unreachable = ⚠️ The officers of { $commune } cannot be messaged; the application went through the provincial administrators, who will tell the commune.
notify-admin-submit-officer-unreachable =
    📥 <b>New application (the commune officer cannot be messaged): { $product }</b> ({ $set })
    Producer: { $producer } – { $org }
    Commune: { $commune }
    Officers not reached (blocked the bot or never opened it): { $officers }
    Indicative score: A { $a }/40 · B { $b }/25 · C { $c }/35 · Total { $total } → { $stars }★
    Evidence: { $files } { $files ->
        [one] file
       *[other] files
    }
    Please tell the commune, or handle the application with the buttons below.
notify-admin-officer-unreachable =
    ⚠️ <b>The commune officer { $officer } cannot be messaged</b> ({ $commune }): they blocked the bot or never opened it.
    The message about “{ $product }” ({ $org }) did not reach the commune. Please ask the officer to open the bot again, or handle the application with the buttons below.
notify-producer-officer-unreachable = ⚠️ The officer of { $commune } could not be messaged about “{ $product }”. The provincial administrators were told and will inform the commune; you do not need to submit again.
admin-officer-unreachable = {"   "}⚠️ Cannot be messaged since { $since } (blocked the bot or never opened it)
admin-welcome = Welcome, administrator! /quantri to invite and manage commune officers, /hoso to see every commune's applications, /xuat to export them to Excel.
action-evaluate-detail = The commune evaluated { $id } { $title }: { $points }/{ $max } { $max ->
        [one] point
       *[other] points
    }
dossier-ip-title = Which of these titles do you hold?
dossier-ip-title-help = Your answer to criterion { $criterion } needs one of these titles. Choose the one you hold (the others are asked next).
dossier-ip-title-legal-trademark = Trademark certificate
dossier-ip-title-legal-geographical-indication = Geographical indication, collective or certification mark
dossier-ip-title-legal-patent = Patent (or utility solution)
dossier-ip-title-legal-industrial-design = Industrial design patent
dossier-ip-title-legal-copyright = Copyright certificate

# A typed command on an application that can no longer be changed, or with several products.
application-frozen = { $state ->
        [rated] “{ $product }” has its result, so it can no longer be changed.
        [withdrawn] “{ $product }” was withdrawn, so it can no longer be changed.
       *[other] “{ $product }” has been submitted, so it can no longer be changed.
    } Type /trangthai to see where it stands.
nop-already = { $state ->
        [rated] “{ $product }” already has its result.
       *[other] “{ $product }” has already been submitted.
    } Type /trangthai to see where it stands.
which-product = Your organisation has several products. Which one?
btn-status = 📊 Application status
