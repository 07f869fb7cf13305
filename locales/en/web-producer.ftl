## Web: registration, products, self-assessment (producer)
web-producer-register-title = Sign up
web-producer-save = Save and continue
web-producer-name-label = Full name
web-producer-ask-phone =
    What is your <b>phone number</b>?
    Type your mobile number, e.g. 0912 345 678.
web-producer-phone-label = Phone number
web-producer-org-name-label = Business name
web-producer-commune-label = Commune or ward
web-producer-commune-search = 🔎 Find the commune
web-producer-commune-unknown = That commune is not on the list. Please search again and pick one.
web-producer-pick-one = Please press one of the buttons below.
web-producer-products-title = My products
web-producer-product-line = { $answered }/{ $total } answered · { $points } { $points ->
        [one] point
       *[other] points
    } · { $state }
web-producer-all-products = 📦 All products
web-producer-open-product = 📦 See the product
web-producer-add-title = Add a product
web-producer-product-name-label = Product name
web-producer-next = Continue
web-producer-set-title = Choose the product set
web-producer-set-search-label = What is your product?
web-producer-set-search = 🔎 Find the product set
web-producer-sectors = Or choose by sector
web-producer-intro =
    <b>Starting the self-assessment of “{ $product }”</b> ({ $set })
    First { $clearances } { $clearances ->
        [one] question
       *[other] questions
    } about the application's conditions, then { $count } scored { $count ->
        [one] criterion
       *[other] criteria
    }.
    Every answer is saved at once. You can stop any time, then press “Continue” on the home page.
web-producer-attach = 📎 Attach photos/documents
web-producer-unanswered = not answered
web-producer-unknown-option = That answer is not one of the options, so nothing was saved. Please press one of the options below.
web-producer-frozen = { $state ->
        [rated] “{ $product }” has its official result, so it can no longer be changed.
        [withdrawn] “{ $product }” was withdrawn, so it can no longer be changed.
       *[other] “{ $product }” has been submitted, so it can no longer be changed.
    } <a href="/status">See where it stands</a>.
web-producer-saved-exit = 💾 Saved ({ $answered }/{ $total } questions). When you have time, press “Continue” on the home page to pick up right here.
web-producer-review-title = Review: { $product }
web-producer-review-clearances = Application conditions
web-producer-change = ✏️ Change { $id }
web-producer-result-title = Result: { $product }
web-producer-stars = { $stars } stars
web-producer-total = { $points }/{ $max } points
web-producer-evidence = 📎 Photos/documents
web-producer-answered = { $answered }/{ $total } questions answered.
web-producer-rename-save = 💾 Save the new name
web-producer-version-title = Scoring criteria
web-producer-version-switched = ✅ The criteria version was changed. The questions to answer again are waiting: press “Continue”.
web-producer-version-no-sheet = That criteria version has no scoring sheet for this product.
web-producer-reassess-started =
    ✅ Started the <b>{ $kind }</b> of “{ $product }” under { $title }.
    Kept { $kept } { $kept ->
        [one] answer
       *[other] answers
    } and the evidence of last time; { $asked } { $asked ->
        [one] criterion needs
       *[other] criteria need
    } answering again, with the dossier requirement questions.
    A lot changes in 3 years: review each answer, and replace the documents that have expired under “Photos/documents”.
web-producer-ask-points = The council's points for “{ $product }”: type the points of each part. Decimals with a comma or a dot, e.g. 32.5.
web-producer-points-save = 💾 Save the council's points
web-producer-points-invalid = I could not read that. Each box needs one number, no more than the part's maximum: { $parts }. Decimals with a comma or a dot, e.g. 32.5.
web-producer-reminders-link = 🔔 Reminders
web-producer-reminders-title = Reminders
web-producer-reminders-on = 🔔 Reminders are on.
web-producer-reminders-off = 🔕 Reminders are off. Turn them back on here when you need them.
web-producer-result-official-first = The council has rated it: the result above is the official one. The points below are your own self-assessment, for reference only.
