## Rubric: names shared by the bot and the command line

stars = { $stars }★
confidence-verified = đã đối chiếu với văn bản gốc
confidence-secondary = bản chép lại, chưa đối chiếu với văn bản có chữ ký
confidence-provisional = tạm thời, chưa kiểm chứng
marker-rule-minimum = Dấu sao là mức tối thiểu: thiếu dấu ★ của hạng nào thì không đạt hạng đó.
marker-rule-warning = Dấu sao chỉ để lưu ý: phiên bản này chưa có câu chữ chính thức về dấu sao.

## Score report

report-sheet = Phiếu: { $title } ({ $sheet })
report-source = Căn cứ: { $source }
report-confidence = Độ tin cậy của dữ liệu: { $confidence }
report-indicative = Điểm dự kiến (do bạn tự đánh giá, chưa phải kết quả chính thức):
report-part = Phần { $part } – { $title }: { $points }/{ $max } điểm
report-total = Tổng: { $points }/{ $max } điểm
report-stars = Hạng sao dự kiến: { $stars }★
report-stars-capped = Hạng sao dự kiến: { $stars }★ (theo điểm là { $byPoints }★, nhưng còn thiếu dấu sao)
report-stars-none = Hạng sao dự kiến: chưa xếp hạng được
report-tier-meaning = { $meaning }
report-recognised = Hạng này được công nhận OCOP, do { $by } công nhận.
report-not-recognised = Hạng này chưa được công nhận OCOP (cần từ 3★ trở lên).
report-marker-missed = • { $criterion } { $title }: cần đạt mức ★{ $marker } (từ { $required } điểm), hiện được { $points } điểm
report-markers-held = Dấu sao còn thiếu:
report-markers-warning = Lưu ý về dấu sao (phiên bản cũ, chỉ để tham khảo):
report-disqualified = Hồ sơ sẽ bị loại vì:
report-stop-item = • { $text }
report-stop-zero = • { $criterion } { $title }: được 0 điểm nên hội đồng dừng chấm
report-pending-clearances = Còn { $count } câu điều kiện chưa trả lời.
report-unanswered = Còn { $count } tiêu chí chưa trả lời ({ $list }). Nếu trả lời tốt nhất, tổng có thể đạt { $possible } điểm.
report-complete = Đã trả lời đủ { $count } tiêu chí.
report-plan-title = Để lên { $target }★ (từ { $threshold } điểm) cần cải thiện { $count } tiêu chí:
report-plan-none = Đã đạt { $target }★, không cần thay đổi gì.
report-plan-step = { $n }. { $criterion } { $title }: { $from } → { $to } (+{ $gain } điểm)
report-plan-from-none = (chưa trả lời)
report-plan-after = Sau khi cải thiện: { $total } điểm, { $stars }★.
report-plan-blocked-disqualified = Chưa thể lên { $target }★: hồ sơ đang bị loại, cần khắc phục điều kiện bị loại trước.
report-plan-blocked-points = Chưa thể lên { $target }★: dù trả lời tốt nhất cũng không đủ { $threshold } điểm.
report-plan-blocked-fixed-criterion = Chưa thể lên { $target }★: tiêu chí { $list } có dấu sao bắt buộc mà không thay đổi được.
report-plan-blocked-target-unknown = Không có hạng { $target }★ trong bộ tiêu chí này.

## Rubric command line

cli-rubric-usage =
    Cách dùng:
      npm run rubric -- list [--json]
      npm run rubric -- check [tệp…] [--version <mã>]
      npm run rubric -- show --sheet <mã phiếu> [--json]
      npm run rubric -- score --sheet <mã phiếu> --answers <tệp.json> [--case <mã>] [--target <số sao>] [--json]
      npm run rubric -- import <tệp.xlsx|tệp.csv> --version <mã> --set <mã bộ> [--out <tệp>] [--source <căn cứ>]
      npm run rubric -- export --sheet <mã phiếu> --out <tệp.xlsx|tệp.csv>
cli-list-row = { $sheet } | { $productSet } | { $confidence }
cli-check-ok = Dữ liệu hợp lệ: { $versions } phiên bản, { $sheets } phiếu.
cli-check-ok-files = Hợp lệ: { $files } tệp.
cli-check-failed = Có { $count } lỗi:
cli-problem = { $file }: { $message }
cli-sheet-unknown = Không có phiếu “{ $sheet }”. Xem danh sách: npm run rubric -- list
cli-version-unknown = Không có phiên bản “{ $version }”.
cli-missing-argument = Thiếu tham số { $name }.
cli-answers-unreadable = Không đọc được tệp câu trả lời { $file }: { $message }
cli-answers-invalid = Tệp câu trả lời { $file } có lỗi:
cli-answer-criterion-unknown = • không có tiêu chí { $criterion } trong phiếu
cli-answer-option-unknown = • tiêu chí { $criterion } không có phương án { $option }
cli-answer-case-unknown = • phiếu không có trường hợp { $case }
cli-target-invalid = Số sao mục tiêu phải từ 1 đến 5.
cli-export-written = Đã xuất { $file } ({ $criteria } tiêu chí).
cli-show-criterion = { $id } { $title } (tối đa { $max } điểm)
cli-show-option = {"   "}{ $id }) { $label }: { $points } điểm{ $marker ->
        [0] {""}
       *[other] {" "}★{ $marker }
    }{ $case ->
        [none] {""}
       *[other] {" "}(trường hợp { $case })
    }
cli-import-written = Đã ghi { $file } ({ $criteria } tiêu chí).
cli-import-refused = Không nhập được { $file }: bảng tính có { $count } lỗi, chưa ghi gì.
cli-unknown-command = Không có lệnh “{ $command }”.

## Rubric data problems (the command line and the bot's start-up show them)

problem-schema = { $at }: dữ liệu không hợp lệ ({ $message })
problem-unreadable = không đọc được tệp ({ $message })
problem-parts-total = tổng điểm tối đa của các phần là { $sum }, phải bằng 100
problem-duplicate-part = phần { $at } bị lặp
problem-part-missing = thiếu phần { $at }
problem-part-unknown = phần { $at } không có trong phiên bản { $version }
problem-part-sum = phần { $at }: các nhóm cộng lại được { $sum } điểm, phải bằng { $max }
problem-duplicate-tier = hạng { $at }★ bị lặp
problem-tiers-start = hạng thấp nhất bắt đầu từ { $min } điểm, phải bắt đầu từ 0
problem-tiers-end = hạng cao nhất kết thúc ở { $max } điểm, phải là 100
problem-tier-empty = hạng { $at }★ không có khoảng điểm nào
problem-tiers-gap = hạng { $stars }★ kết thúc ở { $max } điểm nhưng hạng { $next }★ bắt đầu từ { $min }: các hạng phải nối liền nhau
problem-tiers-order = hạng { $at }★ không đúng thứ tự
problem-duplicate-product-set = bộ sản phẩm { $at } bị lặp trong danh mục
problem-product-set-unknown = bộ sản phẩm { $at } không có trong danh mục của phiên bản { $version }
problem-duplicate-case = trường hợp { $at } bị lặp
problem-duplicate-criterion = mã tiêu chí { $at } bị lặp
problem-duplicate-group = mã nhóm { $at } bị lặp
problem-duplicate-disqualification = mã điều kiện loại { $at } bị lặp
problem-disqualification-criterion-unknown = điều kiện loại { $at } nhắc tới tiêu chí { $criterion } không có trong phiếu
problem-duplicate-option = tiêu chí { $at }: mã phương án { $option } bị lặp
problem-case-unknown = tiêu chí { $at }: phương án { $option } thuộc trường hợp { $case } không có trong phiếu
problem-case-without-options = tiêu chí { $at }: không có phương án nào cho trường hợp { $case }
problem-criterion-max = tiêu chí { $at }: điểm tối đa ghi { $max } nhưng phương án cao nhất được { $best } điểm
problem-criterion-max-case = tiêu chí { $at }, trường hợp { $case }: điểm tối đa ghi { $max } nhưng phương án cao nhất được { $best } điểm
problem-group-sum = nhóm { $at }: các tiêu chí cộng lại được { $sum } điểm, phải bằng { $max }
problem-group-empty = nhóm { $at } không có tiêu chí nào
problem-version-folder = mã phiên bản { $id } phải trùng tên thư mục { $folder }
problem-sheet-file-name = tên tệp phải là { $productSet }.json (theo mã bộ sản phẩm)
problem-default-count = phải có đúng 1 phiên bản mặc định (isDefault), đang có { $count }
problem-column-missing = bảng tính thiếu cột { $column }
problem-value-missing = dòng { $row }: cột { $column } đang để trống
problem-value-invalid = dòng { $row }: cột { $column } có giá trị không hợp lệ “{ $value }”
problem-row-conflict = dòng { $row }: cột { $column } khác với dòng trước của { $at } (“{ $value }”)
problem-empty-sheet = bảng tính không có dòng dữ liệu nào
