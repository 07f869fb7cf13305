## Web chat: commune officers and administrators
web-officer-invite-title = Invitation to be an OCOP officer
web-officer-invite-intro = 🏛️ You are invited to be the OCOP officer of: <b>{ $communes }</b>. Read and agree below, then accept the invitation.
web-officer-invite-offer =
    🏛️ You are invited to be the OCOP officer of: <b>{ $communes }</b>.
    The invitation works once and expires at { $time } on { $day }.
web-officer-invite-accept = ✅ Accept the invitation
web-officer-invite-done = ✅ You are now the OCOP officer of: { $communes }.
web-officer-invite-register = Tell us your full name and phone number so producers and the province can reach you.
web-officer-continue = Continue ▶️
web-officer-open-inbox = 🏛️ See the commune's applications
web-officer-title = The commune's applications
web-officer-count = { $count ->
        [one] { $count } application
       *[other] { $count } applications
    } { $filter }
web-officer-urgent-first = The urgent ones come first: closest to the deadline, then waiting longest to be received.
web-officer-submitted-on = Submitted on { $date }
web-officer-waiting = Waiting to be received
web-officer-export = 📊 Export the list to Excel
web-officer-page = Page { $page }/{ $pages }
web-officer-score = Indicative score: total <b>{ $total }</b> points → <b>{ $stars }★</b>
web-officer-answers = The producer's answers
web-officer-evidence = Evidence ({ $count ->
        [one] { $count } file
       *[other] { $count } files
    })
web-officer-no-evidence = No evidence yet.
web-officer-evidence-file = { $id } { $title }
web-officer-actions = What to do
web-officer-forms = Forms
web-officer-back-inbox = ◀️ List of applications
web-officer-back-app = ◀️ Back to the application
web-officer-refused-title = Not possible now
web-officer-return-title = Request changes
web-officer-return-ask = Say clearly what the producer must add to the application “{ $product }”. The producer will receive this note.
web-officer-return-send = ✏️ Send the request for changes
web-officer-local-title = Local criterion { $n }/{ $count }
web-officer-local-note-ask = The commune's remarks on “{ $topic }” (what is actually done locally; it goes into Form 03). Optional.
web-officer-local-note-save = 💾 Save the remarks
web-officer-result-title = Official result
web-officer-result-stars-missing = Choose the number of stars (1 to 5).
web-officer-result-number-invalid = The decision number needs 2 to 60 characters, for example: 1234/QĐ-UBND.
web-officer-admin-title = Administration
web-officer-admin-officers = Commune officers
web-officer-admin-unreachable = ⚠️ Telegram cannot reach them since { $since }
web-officer-admin-invites = Invitation links not used yet
web-officer-admin-invite-line = { $communes } · expires at { $time } on { $day }
web-officer-admin-search = 🔎 Find the commune
web-officer-admin-pick = Choose one or more communes for this officer:
web-officer-admin-pick-none = No commune chosen. Search again and tick the communes.
web-officer-admin-create = ➕ Make the invitation link
web-officer-admin-new = New invitation link
