## Rubric: names shared by the bot and the command line

stars = { $stars }★
confidence-verified = checked against the original text
confidence-secondary = a secondary copy, not yet checked against the signed text
confidence-provisional = provisional, not verified
marker-rule-minimum = Star markers are minimums: a product that misses a ★ marker of a tier cannot reach that tier.
marker-rule-warning = Star markers are shown as warnings only: this version has no official wording on them.

## Score report

report-sheet = Sheet: { $title } ({ $sheet })
report-source = Legal source: { $source }
report-confidence = Confidence of the data: { $confidence }
report-indicative = Indicative score (your own self-assessment, not an official result):
report-part = Part { $part } – { $title }: { $points }/{ $max } points
report-total = Total: { $points }/{ $max } points
report-stars = Indicative stars: { $stars }★
report-stars-capped = Indicative stars: { $stars }★ (the points give { $byPoints }★, but star markers are missing)
report-stars-none = Indicative stars: not rated yet
report-tier-meaning = { $meaning }
report-recognised = This tier is recognised as OCOP, by { $by }.
report-not-recognised = This tier is not recognised as OCOP (3★ or more is needed).
report-marker-missed = • { $criterion } { $title }: needs the ★{ $marker } level (from { $required } points), now { $points } points
report-markers-held = Missing star markers:
report-markers-warning = Star-marker warnings (older version, for reference only):
report-disqualified = The dossier would be rejected because:
report-stop-item = • { $text }
report-stop-zero = • { $criterion } { $title }: 0 points, so the council stops scoring
report-pending-clearances = { $count } eligibility questions are still unanswered.
report-unanswered = { $count } criteria are still unanswered ({ $list }). With the best answers the total could reach { $possible } points.
report-complete = All { $count } criteria are answered.
report-plan-title = To reach { $target }★ (from { $threshold } points), improve { $count } criteria:
report-plan-none = Already at { $target }★: nothing to change.
report-plan-step = { $n }. { $criterion } { $title }: { $from } → { $to } (+{ $gain } points)
report-plan-from-none = (not answered)
report-plan-after = After these changes: { $total } points, { $stars }★.
report-plan-blocked-disqualified = { $target }★ cannot be reached yet: the dossier would be rejected; fix the rejection reasons first.
report-plan-blocked-points = { $target }★ cannot be reached: even the best answers do not give { $threshold } points.
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
cli-check-ok-files = Valid: { $files } files.
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
cli-export-written = Wrote { $file } ({ $criteria } criteria).
cli-show-criterion = { $id } { $title } (at most { $max } points)
cli-show-option = {"   "}{ $id }) { $label }: { $points } points{ $marker ->
        [0] {""}
       *[other] {" "}★{ $marker }
    }{ $case ->
        [none] {""}
       *[other] {" "}(case { $case })
    }
cli-import-written = Wrote { $file } ({ $criteria } criteria).
cli-import-refused = Cannot import { $file }: the spreadsheet has { $count } problems; nothing was written.
cli-unknown-command = There is no command “{ $command }”.

## Rubric data problems (the command line and the bot's start-up show them)

problem-schema = { $at }: invalid data ({ $message })
problem-unreadable = cannot read the file ({ $message })
problem-parts-total = the parts' maximums add up to { $sum }, they must add up to 100
problem-duplicate-part = part { $at } appears twice
problem-part-missing = part { $at } is missing
problem-part-unknown = part { $at } is not in version { $version }
problem-part-sum = part { $at }: its groups add up to { $sum } points, they must add up to { $max }
problem-duplicate-tier = tier { $at }★ appears twice
problem-tiers-start = the lowest tier starts at { $min } points, it must start at 0
problem-tiers-end = the highest tier ends at { $max } points, it must end at 100
problem-tier-empty = tier { $at }★ has an empty range
problem-tiers-gap = tier { $stars }★ ends at { $max } points but tier { $next }★ starts at { $min }: tiers must be contiguous
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
problem-criterion-max = criterion { $at }: its maximum is { $max } but its best option gives { $best } points
problem-criterion-max-case = criterion { $at }, case { $case }: its maximum is { $max } but its best option gives { $best } points
problem-group-sum = group { $at }: its criteria add up to { $sum } points, they must add up to { $max }
problem-group-empty = group { $at } has no criteria
problem-version-folder = version id { $id } must match its folder name { $folder }
problem-sheet-file-name = the file must be named { $productSet }.json (after the product set id)
problem-default-count = exactly 1 version must be the default (isDefault), there are { $count }
problem-column-missing = the spreadsheet has no column { $column }
problem-value-missing = row { $row }: column { $column } is empty
problem-value-invalid = row { $row }: column { $column } has an invalid value “{ $value }”
problem-row-conflict = row { $row }: column { $column } differs from an earlier row of { $at } (“{ $value }”)
problem-empty-sheet = the spreadsheet has no data rows
