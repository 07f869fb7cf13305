## Trang web: đăng ký, sản phẩm, tự đánh giá (chủ thể)
web-producer-register-title = Đăng ký
web-producer-save = Lưu và tiếp tục
web-producer-name-label = Họ và tên
web-producer-ask-phone =
    Số <b>điện thoại</b> của bạn là gì?
    Gõ số di động, ví dụ 0912 345 678.
web-producer-phone-label = Số điện thoại
web-producer-org-name-label = Tên cơ sở
web-producer-commune-label = Tên xã, phường
web-producer-commune-search = 🔎 Tìm xã
web-producer-commune-unknown = Mình không tìm thấy xã này trong danh sách. Bạn tìm lại rồi chọn một xã nhé.
web-producer-pick-one = Bạn bấm chọn một trong các nút bên dưới nhé.
web-producer-products-title = Sản phẩm của tôi
web-producer-product-line = Đã trả lời { $answered }/{ $total } câu · { $points } điểm · { $state }
web-producer-all-products = 📦 Tất cả sản phẩm
web-producer-open-product = 📦 Xem sản phẩm
web-producer-add-title = Thêm sản phẩm
web-producer-product-name-label = Tên sản phẩm
web-producer-next = Tiếp tục
web-producer-set-title = Chọn bộ sản phẩm
web-producer-set-search-label = Sản phẩm của bạn là gì?
web-producer-set-search = 🔎 Tìm bộ sản phẩm
web-producer-sectors = Hoặc chọn theo ngành
web-producer-intro =
    <b>Bắt đầu tự đánh giá “{ $product }”</b> ({ $set })
    Trước tiên là { $clearances } câu về điều kiện hồ sơ, sau đó { $count } tiêu chí chấm điểm.
    Mỗi câu trả lời được lưu ngay. Bạn có thể dừng lúc nào, rồi bấm “Làm tiếp” ở trang chính.
web-producer-attach = 📎 Đính kèm ảnh/giấy tờ
web-producer-unanswered = chưa trả lời
web-producer-unknown-option = Câu trả lời này không có trong các phương án, nên mình chưa lưu. Bạn bấm một phương án bên dưới nhé.
web-producer-frozen = { $state ->
        [rated] Hồ sơ “{ $product }” đã có kết quả nên không sửa được nữa.
        [withdrawn] Hồ sơ “{ $product }” đã rút nên không sửa được nữa.
       *[other] Hồ sơ “{ $product }” đã nộp nên không sửa được nữa.
    } <a href="/status">Xem hồ sơ đang ở bước nào</a>.
web-producer-saved-exit = 💾 Đã lưu ({ $answered }/{ $total } câu). Khi nào rảnh, bấm “Làm tiếp” ở trang chính để làm tiếp đúng chỗ này.
web-producer-review-title = Xem lại: { $product }
web-producer-review-clearances = Điều kiện hồ sơ
web-producer-change = ✏️ Sửa { $id }
web-producer-result-title = Kết quả: { $product }
web-producer-stars = { $stars } sao
web-producer-total = { $points }/{ $max } điểm
web-producer-evidence = 📎 Ảnh/giấy tờ
web-producer-answered = Đã trả lời { $answered }/{ $total } câu.
web-producer-rename-save = 💾 Lưu tên mới
web-producer-version-title = Bộ tiêu chí chấm điểm
web-producer-version-switched = ✅ Đã đổi bộ tiêu chí. Các câu cần trả lời lại đang chờ bạn: bấm “Làm tiếp”.
web-producer-version-no-sheet = Bộ tiêu chí đó chưa có phiếu chấm cho sản phẩm này.
web-producer-reassess-started =
    ✅ Đã bắt đầu <b>{ $kind }</b> cho “{ $product }” theo { $title }.
    Giữ { $kept } câu trả lời và minh chứng của lần trước; { $asked } tiêu chí cần trả lời lại, cùng các câu điều kiện hồ sơ.
    Sau 3 năm nhiều thứ đã khác: bạn xem lại từng câu, và thay các giấy tờ đã hết hạn ở mục “Ảnh/giấy tờ”.
web-producer-ask-points = Điểm hội đồng cho “{ $product }”: gõ điểm của từng phần. Điểm lẻ dùng dấu phẩy, ví dụ 32,5.
web-producer-points-save = 💾 Lưu điểm hội đồng
web-producer-points-invalid = Mình chưa đọc được. Mỗi ô cần một số, không quá điểm tối đa của phần đó: { $parts }. Điểm lẻ dùng dấu phẩy, ví dụ 32,5.
web-producer-reminders-link = 🔔 Nhắc nhở
web-producer-reminders-title = Nhắc nhở
web-producer-reminders-on = 🔔 Đã bật nhắc nhở.
web-producer-reminders-off = 🔕 Đã tắt nhắc nhở. Bạn bật lại ở đây khi cần.
web-producer-result-official-first = Hội đồng đã chấm xong: kết quả trên là kết quả chính thức. Điểm dưới đây là điểm bạn tự đánh giá, chỉ để tham khảo.
