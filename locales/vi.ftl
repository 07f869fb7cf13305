## Rubric: names shared by the bot and the command line

stars = { $stars }★
confidence-verified = đã đối chiếu với văn bản gốc
confidence-secondary = bản chép lại, chưa đối chiếu với văn bản có chữ ký
confidence-provisional = tạm thời, chưa kiểm chứng
marker-rule-minimum = Dấu sao là mức tối thiểu: thiếu dấu ★ của hạng nào thì không đạt hạng đó.
marker-rule-warning = Dấu sao chỉ để lưu ý: phiên bản này chưa có câu chữ chính thức về dấu sao.

## Score report

report-sheet = Bộ sản phẩm: { $title }
report-source = Căn cứ: { $source }
report-confidence-secondary = Lưu ý: bộ câu hỏi được chép lại từ văn bản của Nhà nước, chưa so lại với bản có chữ ký, nên có thể còn sai sót nhỏ.
report-confidence-provisional = Lưu ý: bộ câu hỏi này còn tạm, chưa được kiểm tra lại.
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

## Bot: start, consent, registration

welcome =
    <b>Chào bạn! Mình là Trợ lý OCOP.</b>
    OCOP là chương trình “Mỗi xã một sản phẩm”: sản phẩm đạt từ 3 sao trở lên được công nhận và hỗ trợ quảng bá.
    Mình giúp bạn tự chấm điểm sản phẩm theo bộ tiêu chí mới nhất (QĐ 26/2026), biết sản phẩm được mấy sao và cần cải thiện gì.
    Mỗi lần một câu hỏi, chỉ cần bấm nút. Làm xong khoảng 20–30 phút, có thể dừng và làm tiếp bất cứ lúc nào.
privacy-notice =
    <b>Bảo vệ dữ liệu cá nhân</b>
    Để làm hồ sơ, mình cần lưu họ tên, số điện thoại, cơ sở sản xuất và các câu trả lời của bạn.
    • Chỉ dùng để tự đánh giá và gửi hồ sơ OCOP đến cán bộ xã, tỉnh.
    • Không bán, không chia sẻ cho ai khác.
    • Bạn xem và sửa thông tin bằng /thongtin, xóa hết bằng /xoadulieu bất cứ lúc nào.
    (Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.)
    Bạn có đồng ý không?
btn-consent-yes = ✅ Đồng ý
btn-consent-no = Không đồng ý
consent-thanks = Cảm ơn bạn. Mình bắt đầu nhé!
consent-declined =
    Không sao. Mình không lưu thông tin gì của bạn.
    Khi nào muốn dùng, bạn gõ /start và chọn “Đồng ý”.
ask-name = Bạn cho mình biết <b>họ và tên</b> (ví dụ: Nguyễn Thị Lan).
invalid-name = Họ tên chỉ gồm chữ và dấu cách, từ 2 đến 80 ký tự. Bạn gõ lại giúp mình nhé.
ask-phone =
    Số <b>điện thoại</b> của bạn là gì?
    Bấm nút “Gửi số điện thoại của tôi” bên dưới, hoặc gõ số (ví dụ 0912 345 678).
btn-share-phone = 📱 Gửi số điện thoại của tôi
invalid-phone = Số này chưa đúng. Số di động Việt Nam có 10 số, bắt đầu bằng 03, 05, 07, 08 hoặc 09. Bạn gõ lại nhé.
contact-not-yours = Mình chỉ nhận số điện thoại của chính bạn. Bạn bấm nút “Gửi số điện thoại của tôi” hoặc gõ số nhé.
phone-saved = Đã lưu số { $phone }.
ask-org-type = Bạn sản xuất theo hình thức nào?
org-type-household = Hộ sản xuất, hộ kinh doanh
org-type-cooperative-group = Tổ hợp tác
org-type-cooperative = Hợp tác xã (HTX)
org-type-enterprise = Doanh nghiệp
org-type-chosen = Hình thức: { $type }
use-buttons = Bạn bấm một nút ở tin nhắn trên giúp mình nhé.
ask-org-name = <b>Tên cơ sở</b> của bạn là gì? (ví dụ: HTX Nông nghiệp Tân Hòa, hoặc Hộ kinh doanh Lan Anh)
invalid-org-name = Tên cơ sở cần từ 2 đến 120 ký tự. Bạn gõ lại nhé.
ask-commune =
    Cơ sở của bạn ở <b>xã, phường</b> nào?
    Gõ tên xã (có dấu hay không dấu đều được), có thể thêm tên tỉnh. Ví dụ: cai nuoc ca mau
commune-pick = Bạn chọn đúng xã của mình:
commune-none =
    Mình không tìm thấy “{ $query }”.
    Bạn thử gõ ngắn hơn, hoặc thêm tên tỉnh. Từ 1/7/2025 nhiều xã đã sáp nhập và đổi tên.
commune-chosen = Đã chọn: { $commune }
registration-done = ✅ Đăng ký xong! Giờ mình thêm sản phẩm để chấm điểm nhé.
need-registration = Bạn cần đăng ký trước. Gõ /start để bắt đầu.

## Bot: profile, language, deleting data

profile-person =
    <b>Thông tin của bạn</b>
    Họ tên: { $name }
    Điện thoại: { $phone }
    Đồng ý xử lý dữ liệu ngày: { $consentAt }
profile-organisation =
    Hình thức: { $orgType }
    Tên cơ sở: { $orgName }
    Địa bàn: { $commune }
profile-officer = Cán bộ OCOP của: { $communes }
btn-edit-name = ✏️ Sửa họ tên
btn-edit-phone = ✏️ Sửa số điện thoại
btn-edit-org-type = ✏️ Sửa hình thức
btn-edit-org-name = ✏️ Sửa tên cơ sở
btn-edit-commune = ✏️ Sửa xã
btn-delete-data = 🗑 Xóa dữ liệu của tôi
profile-saved = Đã lưu.
delete-confirm =
    <b>Xóa toàn bộ dữ liệu?</b>
    Sẽ xóa hẳn, không lấy lại được:
    • họ tên, số điện thoại của bạn;
    • cơ sở của bạn, sản phẩm, câu trả lời tự đánh giá, ảnh và giấy tờ đã gửi, thông tin hồ sơ;
    • cả hồ sơ đã nộp cho xã. Cán bộ xã sẽ nhận tin báo bạn đã rút và xóa hồ sơ (tin chỉ ghi tên sản phẩm).
    Thành viên bạn đã mời sẽ không vào cơ sở được nữa. Các tin nhắn chưa gửi về hồ sơ của bạn cũng bị hủy.
btn-delete-yes = Xóa hết
btn-delete-no = Không, giữ lại
delete-done = Đã xóa dữ liệu của bạn. Nếu muốn dùng lại, gõ /start.
delete-cancelled = Dữ liệu của bạn vẫn được giữ nguyên.
delete-nothing = Mình không lưu dữ liệu nào của bạn.
language-pick = Chọn ngôn ngữ / Choose a language:
language-vi = Tiếng Việt
language-en = English
language-set = Đã chuyển sang tiếng Việt.

## Bot: products

menu-title = <b>Sản phẩm của { $org }</b>
menu-product = • { $name }: đã trả lời { $answered }/{ $total } câu ({ $state })
menu-empty = Bạn chưa có sản phẩm nào.
btn-add-product = ➕ Thêm sản phẩm
ask-product-name = <b>Tên sản phẩm</b> là gì? (ví dụ: Mật ong hoa cà phê)
invalid-product-name = Tên sản phẩm cần từ 2 đến 120 ký tự. Bạn gõ lại nhé.
ask-product-group = { $sector }: chọn nhóm sản phẩm.
ask-product-set = { $sector }: chọn bộ sản phẩm.
product-set-chosen = Bộ sản phẩm: { $set }
product-set-no-sheet = Hiện chưa có phiếu chấm cho bộ “{ $set }”. Bạn liên hệ cán bộ OCOP của tỉnh, hoặc chọn bộ khác.
ask-case = Sản phẩm du lịch của bạn thuộc trường hợp nào: dịch vụ do cả cộng đồng cùng làm, hay một điểm dịch vụ của một tổ chức, cá nhân? Vài tiêu chí chấm theo trường hợp này; mình chỉ hỏi một lần.
case-chosen = Trường hợp: { $case }
product-added = Đã thêm sản phẩm “{ $name }”.
product-card =
    <b>{ $name }</b>
    Bộ sản phẩm: { $set }
    Bộ tiêu chí: { $version }
    Đã trả lời: { $answered }/{ $total } câu
    Điểm dự kiến đến giờ: { $points }
    Tình trạng: { $state }
btn-resume = ▶️ Làm tiếp
btn-review = 📋 Xem lại
btn-result = ⭐ Kết quả
state-draft = đang tự đánh giá
state-completed = đã đánh giá xong
state-submitted = đã nộp
state-received = xã đã tiếp nhận
state-returned = cần bổ sung
state-forwarded = đã chuyển tỉnh
state-rated = đã có kết quả
state-withdrawn = đã rút

## Bot: finding the product set; renaming, moving and deleting a product

ask-set-for-new = Sản phẩm “{ $product }” thuộc bộ sản phẩm nào?
ask-set-for-move = Chuyển “{ $product }” (đang ở bộ “{ $set }”) sang bộ sản phẩm nào?
set-suggestions = Có thể là:
set-suggestions-for = Gợi ý cho “{ $text }”:
set-suggestion = { $n }. <b>{ $set }</b> – ví dụ: { $examples }
set-hint = Bấm để chọn. Nếu chưa đúng, gõ sản phẩm là gì (ví dụ: nước mắm, mật ong, homestay) hoặc chọn theo ngành bên dưới.
set-type-what = Bạn gõ sản phẩm là gì (ví dụ: nước mắm, mật ong, trà mãng cầu, bưởi, homestay) để mình gợi ý bộ sản phẩm, hoặc chọn theo ngành bên dưới.
set-none = Mình chưa tìm được bộ sản phẩm cho “{ $text }”. Bạn gõ cách khác (ví dụ: nước mắm, mật ong, homestay) hoặc chọn theo ngành bên dưới.
same-name-ask = Cơ sở đã có sản phẩm “{ $product }” (bộ “{ $set }”, { $state }). Đây có phải cùng sản phẩm đó không?
btn-same-product = ✅ Đúng, mở sản phẩm đó
btn-other-product = ➕ Không, đây là sản phẩm khác
btn-product-rename = ✏️ Đổi tên
btn-product-move = 🔀 Đổi bộ sản phẩm
btn-product-delete = 🗑 Xóa sản phẩm
ask-product-rename = Tên mới của sản phẩm “{ $product }” là gì?
product-renamed = Đã đổi tên thành “{ $product }”.
product-name-taken = Cơ sở đã có sản phẩm tên “{ $product }”. Bạn đặt tên khác để dễ phân biệt nhé.
product-locked = Hồ sơ của sản phẩm này đang ở trạng thái “{ $state }”, nên không đổi tên, đổi bộ hay xóa được.
move-preview =
    Chuyển “{ $product }” từ bộ “{ $from }” sang bộ “{ $to }”:
    • giữ { $kept } câu trả lời (các câu hỏi giống hệt nhau ở hai bộ);
    • { $toAsk } câu cần trả lời (lại).
move-preview-evidence = • { $files } tệp minh chứng của các tiêu chí bộ mới không có sẽ được bỏ ra.
btn-move-confirm = ✅ Chuyển sang bộ này
btn-keep-product = ↩️ Thôi, giữ nguyên
move-done = Đã chuyển “{ $product }” sang bộ “{ $set }”: giữ { $kept } câu trả lời, { $toAsk } câu cần trả lời.
move-same-set = Sản phẩm đã ở bộ “{ $set }” rồi.
product-kept = Đã giữ nguyên sản phẩm.
delete-product-confirm = Xóa sản phẩm “{ $product }”? Bản tự đánh giá ({ $answered } câu đã trả lời), minh chứng và thông tin hồ sơ của sản phẩm sẽ bị xóa, không lấy lại được.
btn-delete-product-yes = 🗑 Xóa hẳn
product-deleted = Đã xóa sản phẩm “{ $product }”.
product-delete-not-allowed = Chỉ chủ cơ sở hoặc người đã thêm sản phẩm mới xóa được sản phẩm này.
hint-product = Bạn đang thêm hoặc sửa sản phẩm: làm theo tin nhắn ở trên, hoặc gõ /sanpham để về danh sách sản phẩm.
action-rename = Đổi tên sản phẩm
action-change-set = Đổi bộ sản phẩm

## Bot: the self-assessment

assessment-intro =
    <b>Bắt đầu tự đánh giá “{ $product }”</b> ({ $set })
    Trước tiên là { $clearances } câu về điều kiện hồ sơ, sau đó { $count } tiêu chí chấm điểm.
    Mỗi câu trả lời được lưu ngay. Bạn có thể dừng lúc nào và gõ /tieptuc để làm tiếp.
assessment-resume = Làm tiếp “{ $product }”: đã trả lời { $answered }/{ $total } câu.
q-clearance-progress = <b>Điều kiện { $n }/{ $total }</b> · không đạt thì hồ sơ bị loại
q-clearance-ask = Điều này có đúng với cơ sở của bạn không?
btn-clearance-yes = ✅ Đúng
btn-clearance-no = ❌ Chưa đúng
q-progress = <b>Câu { $n }/{ $total }</b> · Phần { $part } – { $partTitle }
q-note = Lưu ý: { $note }
q-evidence = 📎 Minh chứng cần có: { $kinds }
q-option = { $n }. { $label } — <b>{ $points } điểm</b>{ $marker ->
        [0] {""}
       *[other] {" "}(★{ $marker })
    }
q-option-chosen = ✅ { $n }. { $label } — <b>{ $points } điểm</b>{ $marker ->
        [0] {""}
       *[other] {" "}(★{ $marker })
    } (đang chọn)
q-how-to-answer = Bấm số phương án, hoặc gõ số hoặc chữ của phương án.
q-marker-legend = (★: mức tối thiểu để đạt số sao đó)
btn-option = { $n } · { $points }đ
btn-attach = 📎 Gửi minh chứng
btn-back = ⬅️ Quay lại
btn-save-exit = 💾 Lưu và thoát
answered-criterion = ✅ <b>{ $id }. { $title }</b>
    → { $label } ({ $points } điểm)
answered-clearance-yes = ✅ { $requirement }
    → Đúng
answered-clearance-no = ⚠️ { $requirement }
    → Chưa đúng: hồ sơ sẽ bị loại nếu chưa khắc phục.
answer-changed = Đã đổi câu trả lời.
answer-changed-older = Đã đổi câu trả lời { $id }. Tổng điểm dự kiến bây giờ: { $total }.
answer-not-understood = Mình chưa hiểu. Bạn bấm một nút, hoặc gõ số thứ tự của phương án (ví dụ: 2) hay chữ của phương án.
first-question = Đây là câu đầu tiên.
saved-exit = 💾 Đã lưu ({ $answered }/{ $total } câu). Khi nào rảnh, gõ /tieptuc để làm tiếp đúng chỗ này.
not-editable = Hồ sơ đang ở trạng thái “{ $state }”, chưa sửa được câu trả lời.
assessment-complete = 🎉 Bạn đã trả lời hết các câu!
review-part = <b>Phần { $part } – { $title }: { $points }/{ $max } điểm</b>
review-line = { $id } { $title }: { $label } ({ $points }/{ $max })
review-line-unanswered = { $id } { $title }: <i>chưa trả lời</i> (tối đa { $max })
review-total = <b>Tổng điểm dự kiến: { $points }/{ $max }</b>
review-how-to-change = Muốn sửa câu nào, bấm mã tiêu chí ở các tin nhắn trên.
result-title = <b>Kết quả tự đánh giá: { $product }</b>

## Bot: evidence

evidence-ask = Gửi ảnh, video hoặc tệp (PDF, Word, Excel…, mỗi tệp đến 20 MB) làm minh chứng cho <b>{ $id }. { $title }</b>. Gửi xong bấm “Xong”.
evidence-duplicate = Tệp này đã có trong { $id } rồi, mình không lưu thêm bản nữa (đang có { $count } tệp).
evidence-saved = Đã lưu minh chứng cho { $id } (có { $count } tệp). Gửi thêm, hoặc bấm “Xong”.
btn-evidence-done = ✔️ Xong
evidence-too-big = Tệp này lớn hơn 20 MB, mình không nhận được. Bạn chụp ảnh hoặc gửi tệp nhỏ hơn nhé.
evidence-none = Chưa có minh chứng nào. Khi trả lời câu hỏi, bấm “📎 Gửi minh chứng” để gửi.
evidence-list = <b>Minh chứng của “{ $product }”</b>
evidence-line = { $n }. { $id }: { $name }
evidence-kind-photo = ảnh
evidence-kind-document = tệp
btn-evidence-remove = 🗑 Xóa tệp { $n }
evidence-removed = Đã xóa tệp.
evidence-business-registration = giấy đăng ký kinh doanh
evidence-production-certificate = giấy chứng nhận đủ điều kiện sản xuất, an toàn thực phẩm
evidence-raw-material = giấy tờ về nguồn nguyên liệu, hợp đồng liên kết
evidence-environment = hồ sơ môi trường, ảnh chụp
evidence-local-labour = danh sách lao động đóng bảo hiểm
evidence-growth = báo cáo tài chính 2 năm gần nhất
evidence-intellectual-property = giấy chứng nhận nhãn hiệu, sở hữu trí tuệ
evidence-market = hợp đồng, hóa đơn bán hàng
evidence-promotion = trang web, tài liệu quảng bá
evidence-story = tờ rơi, ảnh, phim về câu chuyện sản phẩm
evidence-quality-declaration = bản công bố chất lượng, tiêu chuẩn sản phẩm
evidence-test-report = phiếu kiểm nghiệm
evidence-traceability = mã vạch, tem truy xuất nguồn gốc
evidence-quality-management = chứng nhận hệ thống quản lý chất lượng (ISO, HACCP…)
evidence-awards = giấy khen, giải thưởng

## Bot: help and unexpected input

help-intro =
    <b>Trợ lý OCOP</b> giúp bạn tự chấm điểm sản phẩm theo bộ tiêu chí OCOP, xem số sao dự kiến và cách nâng hạng.
    Các lệnh:
cmd-start = Bắt đầu, đăng ký
cmd-danhgia = Tự đánh giá sản phẩm
cmd-tieptuc = Làm tiếp câu đang dở
cmd-sanpham = Danh sách sản phẩm
cmd-xemlai = Xem lại và sửa câu trả lời
cmd-ketqua = Điểm, số sao và cách nâng hạng
cmd-minhchung = Minh chứng đã gửi
cmd-thongtin = Thông tin của bạn
cmd-ngonngu = Đổi ngôn ngữ
cmd-xoadulieu = Xóa dữ liệu của bạn
cmd-huongdan = Hướng dẫn
hint-start = Gõ /start để bắt đầu.
hint-assess = Bạn đang tự đánh giá: bấm nút ở câu hỏi, hoặc gõ số phương án. Gõ /tieptuc để hiện lại câu hỏi.
hint-evidence = Bạn đang gửi minh chứng: gửi ảnh, video hoặc tệp, hoặc bấm “Xong”.
hint-menu = Gõ /sanpham để xem sản phẩm, /tieptuc để làm tiếp, /huongdan để xem hướng dẫn.
hint-registration = Bạn đang đăng ký: trả lời câu hỏi ở trên, hoặc gõ /start để hỏi lại.
not-understood = Mình chưa hiểu tin nhắn này.
unknown-command = Mình không biết lệnh này.
unsupported-message = Mình chỉ đọc được chữ và nút bấm (ảnh, video, tệp chỉ dùng làm minh chứng).
stale-button = Nút này đã cũ hoặc không dùng được nữa. Gõ /tieptuc hoặc /sanpham để tiếp tục.
hint-menu-officer = Gõ /hoso để xem hồ sơ của xã, /huongdan để xem hướng dẫn.
hint-menu-admin = Gõ /quantri để quản lý cán bộ xã, /hoso để xem hồ sơ.
stale-button-officer = Nút này đã cũ hoặc không dùng được nữa. Gõ /hoso để xem danh sách hồ sơ.
stale-button-admin = Nút này đã cũ hoặc không dùng được nữa. Gõ /quantri hoặc /hoso để tiếp tục.
stale-button-registering = Nút này đã cũ. Mình hỏi lại câu đang làm nhé.
error-sorry = Xin lỗi, mình gặp trục trặc. Câu trả lời trước đó của bạn vẫn được lưu. Bạn thử lại, hoặc gõ /tieptuc.

## Configuration errors (shown when the bot starts)

config-BOT_TOKEN = BOT_TOKEN sai: cần mã bot lấy từ @BotFather (dạng 123456:ABC…), ghi trong tệp .env. Để trống thì chỉ chạy trang web, không chạy Telegram.
config-TELEGRAM_API_ROOT = TELEGRAM_API_ROOT phải là một địa chỉ URL, ví dụ http://127.0.0.1:8081.
config-DATABASE_PATH = DATABASE_PATH phải là đường dẫn tệp cơ sở dữ liệu, ví dụ ./data/ocop.sqlite.
config-REDIS_URL = REDIS_URL phải là một địa chỉ URL, ví dụ redis://127.0.0.1:6379.
config-ADMIN_IDS = ADMIN_IDS phải là các mã người dùng Telegram (chữ số), cách nhau bằng dấu phẩy.
config-BOT_MODE = BOT_MODE chỉ nhận giá trị polling hoặc webhook.
config-WEBHOOK_URL = Thiếu hoặc sai WEBHOOK_URL: ở chế độ webhook, đây phải là địa chỉ HTTPS công khai mà Telegram gửi tin tới, ví dụ https://bot.example.vn/telegram.
config-WEBHOOK_SECRET = Thiếu hoặc sai WEBHOOK_SECRET: ở chế độ webhook, cần từ 32 đến 256 ký tự, chỉ gồm A-Z, a-z, 0-9, _ và -, ví dụ tạo bằng lệnh: openssl rand -hex 32
config-PORT = PORT phải là số cổng (1–65535), ví dụ 8080.
config-HOST = HOST phải là địa chỉ để lắng nghe, ví dụ 0.0.0.0 hoặc 127.0.0.1.
config-LOG_LEVEL = LOG_LEVEL phải là một trong: fatal, error, warn, info, debug, trace, silent.
config-PUBLIC_URL = PUBLIC_URL phải là địa chỉ http hoặc https mà mọi người mở trang web, ví dụ https://ocop.example.vn.
config-FILES_DIR = FILES_DIR phải là đường dẫn thư mục giữ tệp tải lên, ví dụ ./data/files.
startup-rubric-invalid = Dữ liệu bộ tiêu chí có lỗi, bot không khởi động. Chạy “npm run rubric -- check” để xem chi tiết.

## npm run chat (the bot in the terminal)

chat-intro =
    Trợ lý OCOP chạy trong cửa sổ dòng lệnh: không cần mã bot, không cần mạng.
    Gõ tin nhắn như trong Telegram (ví dụ /start). Các nút hiện dạng [1], [2]…: gõ số để bấm. Ctrl+D để thoát.
chat-edited = (tin nhắn trên được sửa thành)
chat-notice = [thông báo] { $text }

## Applications: submitting, status, timeline

btn-submit = 📨 Nộp hồ sơ
btn-withdraw = ↩️ Rút hồ sơ
btn-resubmit = 📨 Nộp lại
btn-edit-application = ✏️ Sửa câu trả lời
submitted = 📨 Đã nộp hồ sơ. Mình sẽ báo bạn mỗi khi hồ sơ có thay đổi.
withdrawn = Đã rút hồ sơ.
not-ready = <b>Hồ sơ chưa nộp được.</b> Còn thiếu:
missing-clearances = • { $count } câu điều kiện chưa trả lời
missing-failed-clearances = • { $count } điều kiện chưa đạt (hồ sơ sẽ bị loại)
missing-unanswered = • { $count } tiêu chí chưa trả lời: { $list }
missing-evidence = • { $count } tiêu chí cần gửi minh chứng: { $list }
missing-below-three = • Điểm dự kiến { $total }, mới { $stars }★: cần từ 3★ (50 điểm) trở lên. Xem /ketqua để biết cách nâng điểm.
missing-below-three-markers = • Điểm dự kiến { $total } đủ cho 3★, nhưng còn thiếu dấu sao nên mới { $stars }★: { $markers }. Xem /ketqua để biết cách nâng điểm.
missing-marker = { $criterion } cần đạt mức ★{ $marker }
nothing-to-submit = Bạn chưa có hồ sơ nào đã tự đánh giá xong để nộp. Gõ /tieptuc để làm tiếp.
action-already = Việc này đã được làm rồi. Hồ sơ đang ở trạng thái “{ $state }”.
action-wrong-state = Hồ sơ đang ở trạng thái “{ $state }”, chưa làm được việc này.
status-none = Chưa có hồ sơ nào. Gõ /danhgia để bắt đầu tự đánh giá.
status-head = 📦 <b>{ $product }</b> – { $state }
status-score = Điểm dự kiến: { $total }/100 · { $stars }★
status-score-none = Điểm dự kiến: chưa có, vì chưa trả lời câu nào.
status-official = 🏅 Kết quả chính thức: { $stars }★ (Quyết định { $decision }, ngày { $date })
status-timeline = <b>Diễn biến:</b>
status-event = • { $at } – { $action } ({ $who })
status-event-note = {"   "}Ghi chú: { $note }
next-draft = Bước tiếp theo: bạn trả lời hết các câu hỏi (/tieptuc).
next-completed = Bước tiếp theo: bạn nộp hồ sơ (/nop).
next-submitted = Bước tiếp theo: cán bộ xã tiếp nhận hồ sơ.
next-received = Bước tiếp theo: UBND xã đánh giá và chuyển hồ sơ lên tỉnh (trong 15 ngày làm việc).
next-returned = Bước tiếp theo: bạn sửa theo yêu cầu của xã rồi nộp lại.
next-forwarded = Bước tiếp theo: Hội đồng cấp tỉnh đánh giá, phân hạng.
next-rated = Đã có kết quả chính thức.
next-withdrawn = Hồ sơ đã rút.
action-complete = Tự đánh giá xong
action-submit = Nộp hồ sơ
action-withdraw = Rút hồ sơ
action-receive = Xã tiếp nhận
action-return = Xã yêu cầu bổ sung
action-evaluate = Xã đánh giá tiêu chí địa phương
action-forward = Chuyển lên tỉnh
action-record-result = Ghi kết quả chính thức
role-producer = chủ thể
role-officer = cán bộ xã
role-admin = quản trị viên
role-system = hệ thống
cmd-nop = Nộp hồ sơ
cmd-trangthai = Tình trạng hồ sơ
cmd-thanhvien = Thành viên của cơ sở
cmd-hoso = Hồ sơ của xã
cmd-xuat = Xuất danh sách ra Excel

## Notifications

notify-submit = 📨 Hồ sơ “{ $product }” đã được nộp cho UBND { $commune }. Điểm dự kiến { $total }/100 ({ $stars }★).
notify-no-officer = ⚠️ { $commune } chưa có cán bộ trên hệ thống; mình đã báo quản trị viên cấp tỉnh.
notify-withdraw = ↩️ Hồ sơ “{ $product }” đã được rút.
notify-receive = 📬 UBND { $commune } đã tiếp nhận hồ sơ “{ $product }”. Xã có 15 ngày làm việc để đánh giá và chuyển lên tỉnh.
notify-return =
    ✏️ Cán bộ xã đề nghị bổ sung hồ sơ “{ $product }”:
    «{ $note }»
    Bạn sửa câu trả lời hoặc gửi thêm minh chứng, rồi bấm “Nộp lại”.
notify-forward = 🏛 Hồ sơ “{ $product }” đã được chuyển lên tỉnh để đánh giá, phân hạng.
notify-record-result = 🏅 Kết quả chính thức: “{ $product }” đạt { $resultStars }★ (Quyết định { $decision }, ngày { $decisionDate }).
notify-officer-submit =
    📥 <b>Hồ sơ mới: { $product }</b> ({ $set })
    Chủ thể: { $producer } – { $org }
    Địa bàn: { $commune }
    Điểm dự kiến: A { $a }/40 · B { $b }/25 · C { $c }/35 · Tổng { $total } → { $stars }★
    Minh chứng: { $files } tệp
notify-admin-submit-no-officer =
    📥 <b>Hồ sơ mới (xã chưa có cán bộ): { $product }</b> ({ $set })
    Chủ thể: { $producer } – { $org }
    Địa bàn: { $commune }
    Điểm dự kiến: A { $a }/40 · B { $b }/25 · C { $c }/35 · Tổng { $total } → { $stars }★
    Minh chứng: { $files } tệp
notify-officer-withdraw = ↩️ Chủ thể đã rút hồ sơ “{ $product }” ({ $org }).

## Commune officers

btn-officer-view = 👁 Xem
btn-officer-receive = 📬 Tiếp nhận
btn-officer-return = ✏️ Yêu cầu bổ sung
btn-officer-evaluate = 📝 Đánh giá tiêu chí địa phương
btn-officer-forward = 🏛 Chuyển lên tỉnh
btn-officer-result = 🏅 Ghi kết quả chính thức
btn-prev = ◀️ Trước
btn-next = Sau ▶️
officer-only = Lệnh này dành cho cán bộ xã và quản trị viên.
officer-welcome = Chào cán bộ! Gõ /hoso để xem hồ sơ của xã, /xuat để xuất danh sách ra Excel.
officer-app-head =
    <b>{ $product }</b> ({ $set })
    Chủ thể: { $producer } · { $phone }
    Địa bàn: { $commune }
    Tình trạng: { $state }
officer-app-score = Điểm dự kiến: A { $a }/40 · B { $b }/25 · C { $c }/35 · Tổng { $total } → { $stars }★ · Minh chứng: { $files } tệp
officer-answer = { $id }: { $label } ({ $points }/{ $max })
officer-evidence-caption = 📎 Minh chứng <b>{ $id }</b> { $title }
days-left = Còn { $days } ngày làm việc (hạn { $deadline })
days-overdue = Quá hạn { $days } ngày làm việc (hạn { $deadline })
done-receive = Đã tiếp nhận.
done-forward = Đã chuyển lên tỉnh.
done-return = Đã gửi yêu cầu bổ sung cho chủ thể.
done-record-result = Đã ghi kết quả chính thức và báo cho chủ thể.
officer-done-receive = 📬 Đã tiếp nhận “{ $product }”. { $days }
officer-done-forward = 🏛 Đã chuyển “{ $product }” lên tỉnh.
ask-return-note = Bạn ghi rõ chủ thể cần bổ sung gì cho hồ sơ “{ $product }” (gõ một tin nhắn):
return-note-too-short = Ghi chú ngắn quá. Bạn ghi rõ cần bổ sung gì nhé.
local-head = <b>{ $topic }</b> – { $id } { $title }
local-producer = Chủ thể tự đánh giá: { $label } ({ $points } điểm). Xã đánh giá:
local-origin = Nguồn gốc nguyên liệu, sản phẩm địa phương
local-labour = Sử dụng lao động địa phương
local-idea = Nguồn gốc ý tưởng sản phẩm
local-identity = Bản sắc, trí tuệ địa phương
local-saved = Đã ghi đánh giá của xã.
local-remaining = Còn { $count } tiêu chí địa phương cần đánh giá.
local-all-done = Đã đánh giá đủ các tiêu chí địa phương. Có thể chuyển hồ sơ lên tỉnh.
local-missing = Cần đánh giá đủ các tiêu chí địa phương trước khi chuyển lên tỉnh.
local-wrong-state = Chỉ đánh giá được khi hồ sơ đã được tiếp nhận.
ask-result-stars = Kết quả chính thức của “{ $product }” là mấy sao?
ask-decision-number = Số quyết định công nhận là gì? (ví dụ: 1234/QĐ-UBND)
ask-decision-date = Ngày ký quyết định (ngày/tháng/năm, ví dụ 15/08/2026):
invalid-decision-date = Ngày chưa đúng. Bạn gõ theo dạng ngày/tháng/năm, ví dụ 15/08/2026.
date-in-future = Ngày { $date } chưa tới. Bạn gõ ngày đã qua, muộn nhất là hôm nay ({ $today }).
decision-before-submission = Quyết định không thể ký trước ngày nộp hồ sơ ({ $submitted }). Bạn gõ ngày từ { $submitted } đến hôm nay ({ $today }).
hint-officer = Bạn đang nhập thông tin cho hồ sơ: gõ câu trả lời ở trên, hoặc /hoso để quay lại danh sách.
officer-list-head = <b>Hồ sơ – { $filter }</b>: { $count } hồ sơ (trang { $page }/{ $pages })
officer-list-line = { $n }. { $product } – { $org } – { $state }
officer-list-empty = Không có hồ sơ nào.
province-deadline = Hạn đề nghị lên tỉnh tới: { $proposeBy } (tỉnh chấm trước { $ratedBy }).
filter-open = đang chờ xử lý
filter-submitted = mới nộp
filter-received = đã tiếp nhận
filter-returned = cần bổ sung
filter-forwarded = đã chuyển tỉnh
filter-rated = đã có kết quả
filter-all = tất cả
export-caption = Danh sách hồ sơ OCOP
export-producer = Chủ thể
export-organisation = Cơ sở
export-commune = Xã, phường
export-product = Sản phẩm
export-product-set = Bộ sản phẩm
export-rubric-version = Phiên bản bộ tiêu chí
export-part-a = Phần A
export-part-b = Phần B
export-part-c = Phần C
export-total = Tổng điểm
export-stars = Hạng sao dự kiến
export-state = Tình trạng
export-submitted = Ngày nộp
export-received = Ngày tiếp nhận
export-official-stars = Hạng sao chính thức
export-decision = Số quyết định
export-decision-date = Ngày quyết định

## Members and invitations

members-owner-only = Chỉ chủ cơ sở mới quản lý được thành viên.
members-head = <b>Thành viên của { $org }</b>: { $count } người
members-line = { $n }. { $name } (từ { $since })
members-open-invites = Có { $count } link mời chưa dùng.
btn-invite-member = ➕ Tạo link mời thành viên
btn-remove-member = ✖️ Bỏ thành viên { $n }
btn-revoke-invite = 🚫 Hủy link mời { $n }
member-removed = Đã bỏ thành viên.
invite-revoked-done = Đã hủy link mời.
invite-member-link =
    Gửi link này cho thành viên của { $org } (dùng một lần, hết hạn lúc { $time } ngày { $day }):
    { $link }
invite-joined = ✅ Bạn đã là thành viên của { $org }. Gõ /trangthai để xem các hồ sơ.
invite-officer = ✅ Bạn đã được giao làm cán bộ OCOP của: { $communes }. Gõ /hoso để xem hồ sơ.
invite-unknown = Link mời này không đúng. Bạn xin link mới nhé.
invite-used = Link mời này đã được dùng. Bạn xin link mới nhé.
invite-expired = Link mời này đã hết hạn. Bạn xin link mới nhé.
invite-revoked = Link mời này đã bị hủy.
invite-own-organisation = Bạn là chủ cơ sở này rồi.

## Administrators

admin-only = Lệnh này chỉ dành cho quản trị viên.
admin-menu = <b>Quản trị</b>
btn-admin-invite-officer = ➕ Mời cán bộ xã
btn-admin-officers = 👥 Danh sách cán bộ
btn-admin-revoke = 🚫 Thu hồi quyền: { $name }
admin-ask-commune = Gõ tên xã của cán bộ (có thể kèm tên tỉnh):
admin-officer-link =
    Gửi link này cho cán bộ của { $commune } (dùng một lần, hết hạn lúc { $time } ngày { $day }):
    { $link }
admin-no-officers = Chưa có cán bộ nào.
admin-officer-line = { $n }. { $name } – { $commune }
admin-revoked = Đã thu hồi quyền cán bộ.

## Reminders

remind-digest-head = ☀️ <b>Hồ sơ OCOP chờ bạn xử lý</b> ({ $date })
remind-digest-counts = Mới nộp, chờ tiếp nhận: { $submitted } hồ sơ. Đã tiếp nhận, đang đánh giá: { $received } hồ sơ.
remind-digest-urgent = ⏳ Gấp nhất: “{ $product }”, còn { $days } ngày làm việc (hạn { $deadline }).
remind-digest-urgent-today = ⏳ Gấp nhất: “{ $product }”, hôm nay là hạn cuối ({ $deadline }).
remind-digest-overdue = ⚠️ Gấp nhất: “{ $product }”, đã quá hạn { $days } ngày làm việc (hạn { $deadline }).
remind-digest-province = 🏛 Hạn đề nghị lên tỉnh: { $proposeBy }. Tỉnh chấm trước { $ratedBy }.
btn-remind-open-list = 📂 Mở danh sách hồ sơ
remind-idle =
    👋 Hồ sơ “{ $product }” còn dang dở. { $answered ->
        [0] Bạn chưa trả lời câu nào trong { $total } câu.
       *[other] Bạn đã trả lời { $answered }/{ $total } câu.
    }
    Khi rảnh, bạn làm tiếp nhé. Câu trả lời đã được lưu.
btn-remind-continue = ▶️ Làm tiếp
btn-remind-off = 🔕 Không nhắc nữa
reminders-on = 🔔 Đã bật nhắc nhở. Gõ /nhacnho để tắt.
reminders-off = 🔕 Đã tắt nhắc nhở. Gõ /nhacnho để bật lại.
reminders-state-on = 🔔 Nhắc nhở đang bật. Mình nhắc khi hồ sơ để lâu chưa làm xong, khi giấy chứng nhận OCOP sắp hết hạn; cán bộ xã được nhắc mỗi sáng khi có hồ sơ chờ xử lý.
reminders-state-off = 🔕 Nhắc nhở đang tắt. Mình sẽ không nhắc bạn việc gì.
btn-reminders-off = 🔕 Tắt nhắc nhở
btn-reminders-on = 🔔 Bật nhắc nhở
cmd-nhacnho = Bật hoặc tắt nhắc nhở

## npm run admin (administrators on a computer)

cli-admin-usage =
    Cách dùng:
      npm run admin -- find-commune <tên xã>
      npm run admin -- invite-officer --commune <mã xã> [--commune <mã xã>…]
      npm run admin -- list-officers
      npm run admin -- revoke-officer --user <mã Telegram>
      npm run admin -- communes export <tệp.csv>
      npm run admin -- communes import <tệp.csv> [--yes]
cli-admin-no-username = Cần BOT_USERNAME (tên bot) hoặc BOT_TOKEN để hỏi Telegram tên bot.
cli-admin-getme-failed = Không hỏi được tên bot từ Telegram: { $message }. Hãy đặt BOT_USERNAME.
cli-admin-commune-unknown = Không có xã mã { $codes }. Tìm mã xã: npm run admin -- find-commune <tên xã>
cli-admin-invite = Link mời cán bộ của { $communes } (dùng một lần, hết hạn lúc { $time } ngày { $day }):
cli-admin-not-officer = Người dùng { $id } không phải cán bộ xã.

## Completing the dossier (Hoàn thiện hồ sơ) and the Word forms

btn-dossier = 📄 Hoàn thiện hồ sơ
btn-forms = 📎 Nhận giấy tờ (Mẫu 01, 02)
btn-officer-forms = 📄 Mẫu 03 và giấy tờ của chủ thể
btn-dossier-skip = Bỏ qua
btn-dossier-stop = 💾 Lưu và dừng
btn-dossier-use-suggestion = ✅ Dùng gợi ý
cmd-hoanthien = Hoàn thiện thông tin cho giấy tờ
cmd-hoso_giay = Nhận Mẫu 01, 02 (Word)
dossier-intro = <b>Hoàn thiện hồ sơ</b>: mình hỏi thêm vài thông tin để điền sẵn Phiếu đăng ký (Mẫu 01) và Báo cáo tự đánh giá (Mẫu 02). Câu nào chưa có, bấm “Bỏ qua”; sửa lại được bất cứ lúc nào bằng /hoanthien.
dossier-progress = <b>Mục { $n }/{ $total }</b>
dossier-current = Đang ghi: { $value }
dossier-suggestion = Gợi ý từ câu trả lời của bạn: { $value }
dossier-type-text = Gõ câu trả lời.
dossier-type-date = Gõ ngày/tháng/năm, ví dụ 15/03/2018.
dossier-yes = Có
dossier-no = Không
dossier-value-missing = (chưa có)
dossier-value-skipped = (bỏ qua)
dossier-invalid-text = Câu trả lời chưa hợp lệ (trống hoặc quá dài). Bạn gõ lại, hoặc bấm “Bỏ qua”.
dossier-too-long = Câu trả lời dài quá: tối đa { $max } chữ, bạn đã gõ { $length } chữ. Bạn gõ ngắn lại, hoặc bấm “Bỏ qua”.
dossier-invalid-date = Ngày chưa đúng. Gõ ngày/tháng/năm, ví dụ 15/03/2018.
dossier-invalid-email = Email chưa đúng, ví dụ: htx.tanhoa@gmail.com. Gõ lại, hoặc bấm “Bỏ qua”.
dossier-done = ✅ Đã hoàn thiện thông tin. Bấm để nhận Mẫu 01 và Mẫu 02 (tệp Word) đã điền sẵn.
dossier-paused = 💾 Đã lưu. Gõ /hoanthien để làm tiếp.
dossier-summary = <b>Thông tin hồ sơ: { $product }</b> (bấm số để sửa)
dossier-line = { $n }. { $label }: { $value }
dossier-desc = Mô tả cách đạt tiêu chí { $id } { $title }
hint-dossier = Bạn đang hoàn thiện hồ sơ: trả lời câu ở trên, bấm “Bỏ qua”, hoặc “Lưu và dừng”.
forms-caption-mau-01 = Mẫu số 01 – Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP
forms-caption-mau-02 = Mẫu số 02 – Báo cáo tự đánh giá về sản phẩm (điểm dự kiến)
forms-caption-mau-03 = Mẫu số 03 – Báo cáo đánh giá của UBND cấp xã (điền sẵn, chờ ký)
forms-incomplete-hint = Một số thông tin còn trống (dòng chấm). Gõ /hoanthien để điền thêm.
dossier-registration-kind = Đây là lần đăng ký thứ mấy?
dossier-registration-kind-help = Lần đầu, nâng hạng, hay đánh giá lại sau khi giấy chứng nhận hết hạn.
dossier-registration-kind-first = Lần đầu
dossier-registration-kind-upgrade = Nâng hạng
dossier-registration-kind-re-evaluation = Đánh giá lại
dossier-address = Địa chỉ của cơ sở
dossier-address-help = Số nhà, ấp hoặc thôn, xã, tỉnh.
dossier-email = Email của cơ sở
dossier-email-help = Nếu không có email, bấm “Bỏ qua”.
dossier-rep-position = Chức vụ của người đại diện theo pháp luật
dossier-rep-position-help = Ví dụ: Chủ hộ, Giám đốc, Chủ nhiệm HTX.
dossier-rep-gender = Giới tính của người đại diện
dossier-rep-gender-help = Ghi vào Mẫu 02, mục I.5.
dossier-rep-gender-female = Nữ
dossier-rep-gender-male = Nam
dossier-rep-ethnicity = Dân tộc của người đại diện
dossier-rep-ethnicity-help = Ví dụ: Kinh, Tày, Khmer, Ê Đê.
dossier-rep-address = Địa chỉ thường trú của người đại diện
dossier-rep-address-help = Theo căn cước công dân.
dossier-founded-on = Ngày thành lập hoặc ngày cấp đăng ký kinh doanh
dossier-founded-on-help = Ghi trên giấy đăng ký kinh doanh.
dossier-registration-number = Số giấy chứng nhận đăng ký kinh doanh
dossier-registration-number-help = Ghi trên giấy đăng ký kinh doanh.
dossier-description = Mô tả sản phẩm và quy cách
dossier-description-help = Ví dụ: mật ong nguyên chất, chai thủy tinh 500 ml, hạn dùng 24 tháng.
dossier-standard = Tiêu chuẩn sản phẩm áp dụng
dossier-standard-help = Ví dụ: TCVN 12605:2019, hoặc tiêu chuẩn cơ sở TCCS 01:2024.
dossier-legal-business-registration = Cơ sở có giấy chứng nhận đăng ký kinh doanh không?
dossier-legal-business-registration-help = Mẫu 02, mục I.7.
dossier-legal-quality-declared = Sản phẩm đã công bố chất lượng (tự công bố) chưa?
dossier-legal-quality-declared-help = Mẫu 02, mục I.7.
dossier-legal-food-safety = Có giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm không?
dossier-legal-food-safety-help = Mẫu 02, mục I.7.
dossier-legal-production-certificate = Có giấy chứng nhận đủ điều kiện sản xuất bắt buộc khác không (nếu ngành yêu cầu)?
dossier-legal-production-certificate-help = Ví dụ giấy phép sản xuất rượu. Ngành không yêu cầu thì chọn Không.
dossier-legal-trademark = Đã có giấy chứng nhận nhãn hiệu chưa?
dossier-legal-trademark-help = Mẫu 02, mục I.7 (sở hữu trí tuệ).
dossier-legal-geographical-indication = Sản phẩm có chỉ dẫn địa lý, nhãn hiệu tập thể hoặc nhãn hiệu chứng nhận không?
dossier-legal-geographical-indication-help = Mẫu 02, mục I.7 (sở hữu trí tuệ).
dossier-legal-patent = Có bằng sáng chế không?
dossier-legal-patent-help = Mẫu 02, mục I.7 (sở hữu trí tuệ).
dossier-legal-industrial-design = Có bằng kiểu dáng công nghiệp không?
dossier-legal-industrial-design-help = Mẫu 02, mục I.7 (sở hữu trí tuệ).
dossier-legal-copyright = Có giấy chứng nhận bản quyền tác giả không?
dossier-legal-copyright-help = Mẫu 02, mục I.7 (sở hữu trí tuệ).
dossier-legal-other-ip = Văn bằng sở hữu trí tuệ khác
dossier-legal-other-ip-help = Ghi tên văn bằng, hoặc bấm “Bỏ qua”.
dossier-history = Lịch sử hình thành của cơ sở
dossier-history-help = Vài câu: thành lập năm nào, ai sáng lập, làm sản phẩm này bao lâu rồi.
dossier-structure = Cơ cấu tổ chức
dossier-structure-help = Có bao nhiêu người; ai lo sản xuất, bán hàng, kế toán.
dossier-business-raw-material = Vùng nguyên liệu
dossier-business-raw-material-help = Nguyên liệu lấy ở đâu, diện tích, sản lượng mỗi năm.
dossier-business-technology = Công nghệ, máy móc
dossier-business-technology-help = Máy móc, quy trình đang dùng.
dossier-business-processing = Sơ chế, chế biến
dossier-business-processing-help = Các bước sơ chế, chế biến sản phẩm.
dossier-business-packaging = Đóng gói, bao bì
dossier-business-packaging-help = Loại bao bì, nhãn, cách đóng gói.
dossier-business-changes = Thay đổi về chất lượng, tiêu chuẩn, bao bì, nhãn mác
dossier-business-changes-help = Những gì đã cải tiến trong thời gian qua.
dossier-business-markets = Thị trường phân phối
dossier-business-markets-help = Bán ở đâu: trong xã, trong tỉnh, siêu thị, sàn thương mại điện tử, xuất khẩu.
dossier-business-revenue = Doanh thu năm gần nhất
dossier-business-revenue-help = Ví dụ: 1,2 tỷ đồng.
dossier-business-profit = Lợi nhuận năm gần nhất
dossier-business-profit-help = Ví dụ: 150 triệu đồng.
dossier-plan = Kế hoạch sản xuất, kinh doanh thời gian tới
dossier-plan-help = Định hướng phát triển sản phẩm, tổ chức sản xuất, thị trường.
cli-forms-usage = Cách dùng: npm run forms -- --application <mã hồ sơ> --out <thư mục>
cli-forms-unknown = Không có hồ sơ mã { $id }.
evidence-saved-kind = Đã lưu minh chứng cho { $id } (có { $count } tệp). Tệp này là giấy tờ gì? (không bắt buộc) Gửi thêm, hoặc bấm “Xong”.
evidence-tagged = Đã ghi: { $kind }
ask-local-note = Nhận xét của xã về “{ $topic }” (mô tả thực tế trên địa bàn, sẽ ghi vào Mẫu 03). Gõ một tin nhắn, hoặc bấm “Bỏ qua”.
local-note-saved = Đã ghi nhận xét của xã.

## Bot: Telegram's limits, failures, edited messages (plumbing)

error-sorry-short = Xin lỗi, mình gặp trục trặc. Bạn thử lại nhé.
error-try-later = Hệ thống đang bận, mình chưa xử lý được tin nhắn này. Bạn thử lại sau ít phút nhé. Những gì bạn đã trả lời trước đó vẫn được lưu.
error-try-later-short = Hệ thống đang bận. Bạn thử lại sau ít phút nhé.
answer-changed-older-clearance = Đã đổi câu trả lời điều kiện { $n }. Tổng điểm dự kiến bây giờ: { $total }.
evidence-kinds = Minh chứng nhận ảnh, video hoặc tệp (PDF, Word, Excel…), mỗi tệp đến 20 MB. Bạn gửi lại, hoặc bấm “Xong”.
evidence-closed = Hồ sơ đang ở trạng thái “{ $state }”, không nhận thêm minh chứng. Khi xã yêu cầu bổ sung, bạn gửi tiếp nhé.
edit-applied = ✏️ Mình đã sửa theo tin nhắn bạn vừa sửa.
edit-not-last = Mình chỉ sửa theo được câu trả lời gần nhất bạn gõ.
edit-too-late = Tin nhắn đó đã được dùng xong, bây giờ sửa nó không thay đổi được gì nữa.
edit-where-profile = Muốn sửa họ tên, số điện thoại, tên cơ sở hay xã: gõ /thongtin.
edit-where-assess = Muốn đổi câu trả lời: gõ /xemlai.
edit-where-dossier = Muốn sửa thông tin hồ sơ: gõ /hoanthien.
edit-where-product = Xem sản phẩm: gõ /sanpham.
edit-where-officer = Xem lại hồ sơ: gõ /hoso.
edit-where-any = Bạn gửi tin nhắn mới nhé. Muốn sửa thông tin cá nhân: gõ /thongtin.
## Honest scores: the “none of these” option the rubric engine adds

problem-option-reserved = tiêu chí { $at }: phương án { $option } trùng với phương án “Chưa đạt mức nào” mà bot tự thêm; đổi mã phương án hoặc bỏ dòng này
q-option-none = { $n }. <i>{ $label }</i> — <b>0 điểm</b>
q-option-none-chosen = ✅ { $n }. <i>{ $label }</i> — <b>0 điểm</b> (đang chọn)
btn-option-none = { $n } · Chưa đạt

## Rules around the rubric: households without a business registration

ask-business-registration =
    Hộ của bạn đã có <b>giấy chứng nhận đăng ký hộ kinh doanh</b> chưa?
    (Luật chỉ nhận hộ sản xuất, hộ gia đình <b>có đăng ký kinh doanh</b> làm chủ thể OCOP.)
btn-registered-yes = ✅ Đã có giấy đăng ký
btn-registered-no = Chưa có
household-unregistered =
    <b>Hộ chưa có đăng ký kinh doanh</b>
    • Luật nói gì: theo Quyết định 26/2026/QĐ-TTg (Điều 2, khoản 3), hộ sản xuất, hộ gia đình được tham gia OCOP khi <b>có đăng ký kinh doanh</b>. Hồ sơ cần giấy đăng ký này.
    • Cần làm gì: đến UBND xã, phường nơi bạn sản xuất, đăng ký <b>hộ kinh doanh</b> (mang theo căn cước; cán bộ một cửa hướng dẫn giấy đề nghị).
    • Trong lúc chờ, bạn vẫn tự đánh giá được để biết sản phẩm đang ở mức nào. Chỉ việc nộp hồ sơ phải đợi có giấy.
    Khi đã có giấy, vào /thongtin → “Sửa hình thức” để ghi lại.
business-registration-saved = ✅ Đã ghi: hộ của bạn đã có đăng ký kinh doanh. Gõ /nop để nộp hồ sơ.
profile-business-registered = Đăng ký hộ kinh doanh: đã có
profile-business-unregistered = Đăng ký hộ kinh doanh: <b>chưa có</b> (chưa nộp hồ sơ OCOP được)
q-household-unregistered = 🏠 Hộ bạn <b>chưa có đăng ký kinh doanh</b>, mà mọi mức của tiêu chí này đều cần có. Chọn “Chưa đạt mức nào” cho đúng thực tế; khi có giấy, bạn sửa lại câu này.
missing-household-registration = • Hộ chưa có đăng ký kinh doanh: luật chỉ nhận hộ có đăng ký ({ $version ->
        [qd26-2026] QĐ 26/2026, Điều 2
       *[other] { $decision }
    }). Đăng ký hộ kinh doanh ở UBND xã, phường rồi nộp lại.
business-registration-noted = ✅ Đã ghi: hộ của bạn đã có đăng ký kinh doanh.
btn-now-registered = ✅ Hộ tôi đã đăng ký kinh doanh

## Rules around the rubric: rubric versions (from the product's menu)

btn-rubric-version = 📜 Bộ tiêu chí · nộp trước { $from }?
version-current =
    📜 <b>“{ $product }” đang chấm theo:</b> { $title }
    Căn cứ: { $source }
version-explain =
    Theo Quyết định 26/2026/QĐ-TTg (Điều 12), hồ sơ đã <b>nộp cho xã trước { $from }</b> mà chưa được đánh giá thì vẫn chấm theo bộ tiêu chí cũ (QĐ 148/2023), nhưng phải chấm xong trong 60 ngày (lần đầu, nâng hạng) hoặc 30 ngày (đánh giá lại) kể từ { $from }. Hồ sơ nộp từ { $from } chấm theo bộ mới.
    Chỉ đổi khi hồ sơ của bạn thật sự đã nộp trước { $from }.
version-switch-offer = Nếu đổi sang { $title }: giữ được { $kept } câu trả lời, { $dropped } câu phải trả lời lại.
btn-version-earlier = 📜 Hồ sơ tôi nộp trước { $from }: đổi sang bộ cũ
btn-version-latest = ↩️ Chấm theo bộ tiêu chí mới (từ { $from })
version-not-shipped =
    Bot <b>chưa có</b> phiếu chấm { $title } cho bộ “{ $set }”; hiện chỉ có cho: { $sets }.
    Bạn vẫn tự đánh giá theo { $latest } để biết mình đang ở đâu, nhưng điểm có thể khác điểm hội đồng chấm theo phiếu cũ. Hỏi cán bộ xã phiếu chấm cũ của bộ này.
version-not-editable = Hồ sơ đang ở trạng thái “{ $state }”, không đổi bộ tiêu chí được nữa.
version-switched = ✅ Đã chuyển sang { $title }. Giữ { $kept } câu trả lời; { $dropped } câu cần trả lời lại.
version-already = Hồ sơ đã dùng bộ tiêu chí này rồi.
action-rubric-version = đổi bộ tiêu chí
report-version-earlier = Chấm theo bộ tiêu chí cũ (hiệu lực đến { $to }), vì hồ sơ nộp trước khi bộ mới có hiệu lực.

## Rules around the rubric: the guide (/huongdan), one topic per message

guide-intro =
    <b>Hướng dẫn OCOP</b>
    Chọn một mục bên dưới. Mỗi mục là một tin ngắn.
guide-btn-cycle = 🔄 Chu trình OCOP
guide-btn-tiers = ⭐ Hạng sao, ai công nhận
guide-btn-dossier = 📁 Hồ sơ gồm gì
guide-btn-deadlines = 📅 Thời hạn xã, tỉnh
guide-btn-history = 📚 Lịch sử bộ tiêu chí
guide-btn-versions = 📜 Hồ sơ nộp trước QĐ 26
guide-btn-household = 🏠 Hộ chưa đăng ký KD
guide-btn-none = ⭕ “Chưa đạt mức nào”
guide-btn-after = 🏅 Sau khi có kết quả
guide-btn-commands = ⌨️ Các lệnh của bot
guide-cycle =
    <b>Chu trình OCOP hằng năm</b>
    1. Tuyên truyền, hướng dẫn.
    2. Nhận ý tưởng sản phẩm.
    3. Nhận phương án, dự án sản xuất kinh doanh.
    4. Triển khai: sản xuất, hoàn thiện sản phẩm.
    5. Đánh giá, phân hạng sản phẩm.
    6. Xúc tiến thương mại: quảng bá, kết nối bán hàng.
    Bot giúp ở bước 5: tự chấm theo bộ tiêu chí, biết cần cải thiện gì, nộp hồ sơ cho xã và theo dõi kết quả.
guide-tiers-head = <b>Hạng sao</b> (tổng điểm trên 100, QĐ 26/2026, Điều 3–4):
guide-tier = • { $stars }★ ({ $top ->
        [1] { $min }–{ $max }
       *[0] { $min } đến dưới { $max }
    } điểm): { $meaning } Công nhận: { $by }.
guide-tier-not-recognised = • { $stars }★ ({ $min } đến dưới { $max } điểm): { $meaning } Chưa được công nhận OCOP.
guide-tiers-foot =
    Giấy chứng nhận (từ 3★) có giá trị 36 tháng.
    Dấu ★ cạnh một phương án là mức tối thiểu để được số sao đó: đủ điểm mà thiếu dấu sao thì bị hạ hạng.
guide-dossier =
    <b>Hồ sơ OCOP gồm gì</b> (QĐ 26/2026, Điều 6–7)
    • Phiếu đăng ký (Mẫu số 01).
    • Báo cáo tự đánh giá (Mẫu số 02): thông tin chung, kết quả sản xuất kinh doanh, tự chấm từng tiêu chí kèm mô tả và minh chứng (giấy đăng ký kinh doanh, giấy chứng nhận cơ sở đủ điều kiện, hợp đồng, phiếu kiểm nghiệm, nhãn hiệu…).
    • 5 sản phẩm mẫu (trừ dịch vụ du lịch).
    Nộp cho UBND xã 1 bộ giấy và 1 bộ điện tử. Nâng hạng: nói rõ thay đổi so với lần được công nhận. Đánh giá lại: cập nhật nội dung mới và các giấy tờ có thời hạn.
    Trong bot: /hoanthien điền thêm thông tin, /hoso_giay nhận Mẫu 01, 02 điền sẵn, /nop để nộp.
guide-deadlines =
    <b>Thời hạn</b> (QĐ 26/2026, Điều 5, 7)
    • Xã: trong <b>15 ngày làm việc</b> kể từ khi tiếp nhận, UBND xã kiểm tra hồ sơ, đánh giá 4 nội dung (nguyên liệu, lao động địa phương, nguồn gốc ý tưởng, bản sắc địa phương), lập báo cáo (Mẫu 03) và đề nghị tỉnh.
    • Tỉnh: ít nhất 2 đợt mỗi năm. Hồ sơ xã đề nghị trước <b>30/4</b> được chấm trước 30/6; trước <b>30/10</b> thì chấm trước 30/12.
    • 5 sao (Bộ Nông nghiệp và Môi trường): tỉnh đề nghị trước 30/7 thì chấm trước 30/9; trước 30/01 thì chấm trước 30/3.
    Đợt tới: xã đề nghị trước { $proposeBy }, tỉnh chấm trước { $ratedBy }.
guide-history-head = <b>Lịch sử bộ tiêu chí OCOP</b>
guide-history-early = • 2017–2018, những năm đầu: điểm chia 35 / 20 / 45 cho tổ chức sản xuất / tiếp thị / chất lượng. Dự án chưa tìm được văn bản gốc của cách chia này nên chưa kiểm chứng; bot không có phiếu chấm.
guide-history-version = • <b>{ $title }</b>: từ { $from }; phần { $weights } điểm; bot có { $sheets } phiếu chấm.
guide-history-version-ended = • <b>{ $title }</b>: từ { $from } đến { $to }; phần { $weights } điểm; bot có { $sheets } phiếu chấm.
guide-history-foot = QĐ 1489/2025 sửa quy trình của QĐ 148 từ 06/7/2025: chủ thể nộp hồ sơ ở xã, tỉnh chấm cả 3★ và 4★. Mỗi hồ sơ luôn được chấm theo bộ tiêu chí nó đang dùng.
guide-versions =
    <b>Hồ sơ nộp trước { $from }</b>
    QĐ 26/2026 có hiệu lực từ { $from }. Hồ sơ đã nộp trước ngày đó mà chưa được đánh giá thì vẫn chấm theo bộ cũ ({ $earlier }), nhưng phải chấm xong trong 60 ngày (lần đầu, nâng hạng) hoặc 30 ngày (đánh giá lại) kể từ { $from } (Điều 12).
    Bot chỉ đổi khi bạn nói vậy: /sanpham → chọn sản phẩm → “📜 Bộ tiêu chí”. Bot có phiếu cũ cho: { $sets }. Với bộ khác, bot nói rõ là chưa có.
    Sản phẩm đã được công nhận trước { $from } vẫn giữ giấy chứng nhận đến hết hạn.
guide-none =
    <b>“Chưa đạt mức nào”</b>
    Nhiều tiêu chí không có mức 0 điểm (ví dụ nguồn gốc sản phẩm, hồ sơ môi trường, công bố chất lượng). Nếu cơ sở chưa đạt mức nào, bạn chọn “Chưa đạt mức nào” (0 điểm). Đây không phải phương án của phiếu; bot thêm vào để điểm dự kiến trung thực.
    Chọn nó thì thiếu luôn dấu ★ của tiêu chí đó (nếu có), và kế hoạch nâng hạng tính từ mức 0.
guide-after =
    <b>Sau khi có kết quả</b>
    • Giấy chứng nhận OCOP có giá trị <b>36 tháng</b> kể từ ngày ra quyết định (Điều 4).
    • Đánh giá lại: nộp hồ sơ trong khoảng từ 180 đến 120 ngày trước khi giấy hết hạn (Điều 7, khoản 6). Bot nhắc bạn và các thành viên 6 tháng và 3 tháng trước khi hết hạn.
    • Nâng hạng: khi sản phẩm tiến bộ; hồ sơ nói rõ những thay đổi (Điều 6).
    • Bot bắt đầu lần đánh giá lại hay nâng hạng từ câu trả lời lần trước: /trangthai → “🔁 Đánh giá lại” hoặc “⬆️ Nâng hạng”.
    • Khi cán bộ ghi điểm từng phần của hội đồng, /trangthai cho thấy điểm bạn tự chấm bên cạnh điểm hội đồng.

## After the result: certificates, re-assessment and upgrade, the council's points per part

remind-certificate =
    { $months ->
        [6] 🏅
       *[other] ⏰
    } Giấy chứng nhận OCOP { $stars }★ của “{ $product }” hết hạn ngày <b>{ $expires }</b> (còn khoảng { $months } tháng).
    { $late ->
        [1] Hạn nộp hồ sơ đánh giá lại (chậm nhất 120 ngày trước khi hết hạn) là { $refileBy }, đã qua. Nếu đã nộp, bạn không cần làm gì thêm; nếu chưa, hỏi cán bộ xã cách làm tiếp.
       *[0] Muốn giữ hạng, nộp hồ sơ đánh giá lại trong khoảng <b>{ $refileFrom } – { $refileBy }</b> (từ 180 đến 120 ngày trước khi hết hạn, QĐ 26/2026, Điều 7).
    }
    Bot bắt đầu lần đánh giá lại (hoặc nâng hạng) từ câu trả lời lần trước của bạn.
btn-reassess-re-evaluation = 🔁 Đánh giá lại
btn-reassess-upgrade = ⬆️ Nâng hạng
btn-reassess-first = 🔁 Tự đánh giá lần mới
reassess-kind-re-evaluation = đánh giá lại
reassess-kind-upgrade = nâng hạng
reassess-kind-first = lần đánh giá mới
reassess-started =
    ✅ Đã bắt đầu <b>{ $kind }</b> cho “{ $product }” theo { $title }.
    Giữ { $kept } câu trả lời và minh chứng của lần trước; { $asked } tiêu chí cần trả lời lại, cùng các câu điều kiện hồ sơ.
    Sau 3 năm nhiều thứ đã khác: bạn xem lại từng câu (📋 Xem lại), và thay các giấy tờ đã hết hạn (/minhchung).
reassess-exists = Sản phẩm này đang có một lần { $kind } chưa xong. Mình mở tiếp lần đó nhé.
reassess-no-sheet = Chưa có phiếu chấm mới cho bộ sản phẩm này.
action-start-re-evaluation = bắt đầu đánh giá lại
action-start-upgrade = bắt đầu nâng hạng
action-start-first = bắt đầu lần đánh giá mới
action-record-points = ghi điểm hội đồng từng phần
status-certificate = Giấy chứng nhận có giá trị đến { $expires }.
status-certificate-expired = Giấy chứng nhận đã hết hạn ngày { $expires }.
status-calibration = 📊 Điểm bạn tự chấm và điểm hội đồng:
calibration-part = Phần { $part }: bạn { $self } · hội đồng { $official } /{ $max } (chênh { $gap })
calibration-total = Tổng: bạn { $self } · hội đồng { $official } (chênh { $gap })
notify-official-points = 📊 <b>Điểm hội đồng từng phần cho “{ $product }”</b>, bên cạnh điểm bạn tự chấm:
notify-officer-application-deleted = 🗑 Hồ sơ “{ $product }” ({ $commune }) đã được người nộp rút và xóa theo yêu cầu xóa dữ liệu cá nhân. Hồ sơ không còn trong danh sách hồ sơ của xã.
btn-official-points = 📊 Ghi điểm hội đồng từng phần
official-points-part = { $part } (tối đa { $max })
ask-official-points =
    Điểm hội đồng cho “{ $product }”, từng phần: { $parts }.
    Gõ các số theo thứ tự, cách nhau bằng dấu cách; điểm lẻ dùng dấu phẩy. Ví dụ: 32,5 18 27
official-points-invalid = Mình chưa đọc được. Cần đúng một số cho mỗi phần: { $parts }, cách nhau bằng dấu cách (ví dụ: 32,5 18 27).
official-points-saved = ✅ Đã ghi điểm hội đồng cho “{ $product }”; chủ thể và thành viên được báo.
officer-app-rubric = Bộ tiêu chí: { $title }
calibration-summary = 📊 Tự chấm so với hội đồng ({ $count } hồ sơ có điểm từng phần), chênh trung bình: { $gaps }
calibration-summary-total = tổng { $gap }
calibration-summary-commune = • { $commune }: { $count } hồ sơ, tổng chênh { $gap }
export-official-a = Điểm hội đồng phần A
export-official-b = Điểm hội đồng phần B
export-official-c = Điểm hội đồng phần C
export-none-answers = Tiêu chí “chưa đạt mức nào”
## Administrative units (xã, phường, đặc khu) and the commune list (npm run admin -- communes)

unit-name = { $type ->
    [ward] Phường { $name }
    [special-zone] Đặc khu { $name }
   *[commune] Xã { $name }
}
unit-in-province = { $type ->
    [ward] Phường { $name } – { $province }
    [special-zone] Đặc khu { $name } – { $province }
   *[commune] Xã { $name } – { $province }
}
problem-commune-csv = tệp CSV không đúng định dạng ({ $message })
problem-commune-header = dòng tiêu đề cần các cột { $columns } (thiếu: { $missing })
problem-commune-code = mã “{ $value }” không hợp lệ (cần đúng 5 chữ số)
problem-commune-name = tên “{ $value }” không hợp lệ
problem-commune-type = loại “{ $value }” không hợp lệ (ghi xã, phường, đặc khu, hoặc commune, ward, special-zone)
problem-commune-province = mã tỉnh “{ $value }” không có trong danh sách 34 tỉnh, thành
problem-commune-duplicate = mã { $value } bị lặp
problem-commune-replaces-unknown = cột replaces ghi mã { $value }, nhưng danh sách không có đơn vị nào mang mã này
problem-commune-replaces-kept = cột replaces ghi mã { $value }, nhưng đơn vị này vẫn còn trong tệp
cli-communes-problems = Tệp { $file } có lỗi, chưa thay đổi gì:
cli-communes-problem = • Dòng { $line }: { $message }
cli-communes-read-failed = Không đọc được tệp { $file }: { $message }
cli-communes-scope = Tệp { $file } gồm { $count } tỉnh, thành ({ $provinces }); các tỉnh, thành khác giữ nguyên.
cli-communes-added = Thêm { $count } đơn vị:
cli-communes-renamed = Đổi tên, loại hoặc mã { $count } đơn vị (hồ sơ, cơ sở, cán bộ đi theo):
cli-communes-merged = Gộp { $count } đơn vị (hồ sơ, cơ sở, cán bộ chuyển sang đơn vị mới):
cli-communes-removed = Bỏ { $count } đơn vị:
cli-communes-unchanged = Không đổi: { $count } đơn vị.
cli-communes-line-added = + { $unit } (mã { $code })
cli-communes-line-renamed = ~ { $before } (mã { $code }) → { $after } (mã { $newCode })
cli-communes-line-merged = ⇢ { $unit } (mã { $code }) → { $into } (mã { $intoCode })
cli-communes-line-removed = − { $unit } (mã { $code })
cli-communes-many-renamed = ⚠️ Phần lớn đơn vị trong tệp bị đổi tên: có thể mã trong tệp không cùng hệ mã với danh sách của bot. Nên xuất danh sách hiện có (communes export), sửa trên tệp đó rồi nhập lại.
cli-communes-nothing = Không có gì thay đổi.
cli-communes-in-use = Không áp dụng được: các đơn vị sau bị bỏ nhưng vẫn còn cơ sở, hồ sơ, cán bộ hoặc link mời:
cli-communes-in-use-line = • { $unit } (mã { $code }): { $organisations } cơ sở{ $names }, { $applications } hồ sơ, { $officers } cán bộ, { $invites } link mời chưa dùng
cli-communes-in-use-hint = Nếu đơn vị đã gộp vào đơn vị khác, ghi mã của nó vào cột replaces của đơn vị mới: cơ sở, hồ sơ và cán bộ sẽ chuyển theo.
cli-communes-confirm = Áp dụng các thay đổi này? Gõ c (có) hoặc k (không):{ " " }
cli-communes-applied = ✅ Đã cập nhật danh sách: thêm { $added }, đổi { $renamed }, gộp { $merged }, bỏ { $removed }. Bot đang chạy dùng ngay danh sách mới.
cli-communes-cancelled = Đã hủy, không thay đổi gì.
cli-communes-changed = Danh sách vừa được thay đổi ở nơi khác. Bạn chạy lại lệnh để xem khác biệt mới.
cli-communes-exported = Đã ghi { $count } xã, phường, đặc khu vào { $file }.
## Filing step by step, evidence before filing, unreachable officers, administrators (issue 10)

fix-how = Bấm “Bổ sung lần lượt” hoặc bấm một mục: làm xong mục nào, mình mở ngay mục tiếp theo.
fix-how-items = Bấm nút bên dưới để làm tiếp.
btn-fix-start = ▶️ Bổ sung lần lượt
btn-fix-clearance = ⚖️ Điều kiện { $n }
btn-fix-failed-clearance = ⚠️ Điều kiện { $n }
btn-fix-criterion = ❓ { $id }
btn-fix-evidence = 📎 { $id }
btn-fix-score = ⭐ Cách nâng điểm
ready-title = ✅ <b>Hồ sơ đã đủ điều kiện nộp.</b>
ready-warnings-head = Báo cáo tự đánh giá (Mẫu 02) sẽ ghi là còn thiếu các minh chứng sau:
ready-warning-line = • { $kind } (tiêu chí { $criteria })
ready-warnings-note = Thiếu những giấy tờ này vẫn nộp được, nhưng hội đồng chấm theo minh chứng. Bấm 📎 để gửi thêm, hoặc bấm “Nộp hồ sơ”.
submitted-no-officer = ⚠️ Xã chưa có cán bộ trên hệ thống: mình đã gửi hồ sơ cho quản trị viên cấp tỉnh để họ báo cho xã.
submitted-officer-unreachable = ⚠️ Mình chưa nhắn được cho cán bộ xã (họ đã chặn bot hoặc chưa mở bot): mình đã gửi hồ sơ cho quản trị viên cấp tỉnh để họ báo cho xã.
submitted-nobody = ⚠️ Xã chưa có cán bộ trên hệ thống, và chưa có quản trị viên nào để báo. Hồ sơ đã nộp và được giữ nguyên: khi xã có cán bộ, họ sẽ thấy hồ sơ này ngay.
notify-officer-unreachable = ⚠️ Mình chưa nhắn được cho cán bộ của { $commune }; hồ sơ đã được gửi qua quản trị viên cấp tỉnh để báo cho xã.
notify-admin-submit-officer-unreachable =
    📥 <b>Hồ sơ mới (không nhắn được cho cán bộ xã): { $product }</b> ({ $set })
    Chủ thể: { $producer } – { $org }
    Xã: { $commune }
    Cán bộ xã chưa nhận được tin (đã chặn bot hoặc chưa mở bot): { $officers }
    Điểm dự kiến: A { $a }/40 · B { $b }/25 · C { $c }/35 · Tổng { $total } → { $stars }★
    Minh chứng: { $files } tệp
    Bạn báo giúp xã, hoặc tự xử lý hồ sơ bằng các nút dưới đây.
notify-admin-officer-unreachable =
    ⚠️ <b>Không nhắn được cho cán bộ xã { $officer }</b> ({ $commune }): cán bộ đã chặn bot hoặc chưa mở bot.
    Tin về hồ sơ “{ $product }” ({ $org }) chưa tới được xã. Bạn báo giúp cán bộ mở lại bot, hoặc tự xử lý hồ sơ bằng các nút dưới đây.
notify-producer-officer-unreachable = ⚠️ Mình chưa nhắn được cho cán bộ của { $commune } về hồ sơ “{ $product }”. Mình đã báo quản trị viên cấp tỉnh để họ báo cho xã; bạn không cần nộp lại.
admin-officer-unreachable = {"   "}⚠️ Không nhắn được từ { $since } (đã chặn bot hoặc chưa mở bot)
admin-welcome = Chào quản trị viên! Gõ /quantri để mời và quản lý cán bộ xã, /hoso để xem hồ sơ của mọi xã, /xuat để xuất ra Excel.
action-evaluate-detail = Xã đánh giá { $id } { $title }: { $points }/{ $max } điểm
dossier-ip-title = Bạn có văn bằng nào trong số này?
dossier-ip-title-help = Câu trả lời của bạn ở tiêu chí { $criterion } cần một trong các văn bằng sau. Chọn văn bằng bạn có (văn bằng khác mình sẽ hỏi tiếp).
dossier-ip-title-legal-trademark = Giấy chứng nhận nhãn hiệu
dossier-ip-title-legal-geographical-indication = Chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận
dossier-ip-title-legal-patent = Bằng sáng chế (hoặc giải pháp hữu ích)
dossier-ip-title-legal-industrial-design = Bằng kiểu dáng công nghiệp
dossier-ip-title-legal-copyright = Giấy chứng nhận bản quyền tác giả

# A typed command on an application that can no longer be changed, or with several products.
application-frozen = { $state ->
        [rated] Hồ sơ “{ $product }” đã có kết quả nên không sửa được nữa.
        [withdrawn] Hồ sơ “{ $product }” đã rút nên không sửa được nữa.
       *[other] Hồ sơ “{ $product }” đã nộp nên không sửa được nữa.
    } Gõ /trangthai để xem hồ sơ đang ở bước nào.
nop-already = { $state ->
        [rated] Hồ sơ “{ $product }” đã có kết quả rồi.
       *[other] Hồ sơ “{ $product }” đã nộp rồi.
    } Gõ /trangthai để xem hồ sơ đang ở bước nào.
which-product = Cơ sở có nhiều sản phẩm. Bạn chọn sản phẩm nào?
btn-status = 📊 Tình trạng hồ sơ
