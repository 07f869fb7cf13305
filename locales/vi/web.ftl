## Trang web (web chat)
startup-web-ready = Trợ lý OCOP đã chạy. Mở trang này trong trình duyệt: { $url }
web-app-name = Trợ lý OCOP
web-nav-home = Trang chính
web-nav-notifications = Thông báo
web-nav-account = Tài khoản
web-language-en = English
web-language-vi = Tiếng Việt
web-sign-out = Đăng xuất
web-not-found-title = Không tìm thấy
web-not-found = Không có trang này, hoặc bạn không được xem. <a href="/">Về trang chính</a>.
web-error-title = Có trục trặc
web-error-stale-form = Trang này đã cũ. Bạn tải lại trang rồi bấm lại nhé. <a href="/">Về trang chính</a>.
web-error-too-many = Bạn bấm nhanh quá. Chờ một phút rồi thử lại nhé.
web-error-too-large = Tệp quá lớn. Mỗi tệp tối đa 20 MB. Bạn chụp ảnh nhỏ hơn hoặc chọn tệp khác nhé.
web-error-bad-request = Mình chưa hiểu yêu cầu này. <a href="/">Về trang chính</a>.
web-error-server = Xin lỗi, mình gặp trục trặc. Câu trả lời đã lưu của bạn vẫn còn. Bạn thử lại sau ít phút nhé.
web-welcome-title = Chào bạn
web-welcome-short = <b>Chào bạn! Mình là Trợ lý OCOP.</b> Mình giúp bạn tự chấm điểm sản phẩm OCOP ngay trên điện thoại.
web-welcome-more =
    OCOP là chương trình “Mỗi xã một sản phẩm”: sản phẩm đạt từ 3 sao trở lên được công nhận và hỗ trợ quảng bá.
    Mình chấm theo bộ tiêu chí mới nhất (QĐ 26/2026): bạn biết sản phẩm được mấy sao và cần cải thiện gì.
    Mỗi lần một câu hỏi, chỉ cần bấm nút. Làm xong khoảng 20–30 phút, có thể dừng và làm tiếp bất cứ lúc nào.
web-privacy-notice =
    <b>Bảo vệ dữ liệu cá nhân</b>
    Để làm hồ sơ, mình cần lưu họ tên, số điện thoại, cơ sở sản xuất và các câu trả lời của bạn.
    • Chỉ dùng để tự đánh giá và gửi hồ sơ OCOP đến cán bộ xã, tỉnh.
    • Không bán, không chia sẻ cho ai khác.
    • Bạn xem, sửa hoặc xóa hết thông tin ở mục “Tài khoản” bất cứ lúc nào.
    (Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.)
    Bạn có đồng ý không?
web-have-code = Đã dùng Trợ lý OCOP trên máy khác hoặc trên Telegram?
web-sign-in-link = Nhập mã đăng nhập
web-consent-declined = Không sao. Mình không lưu thông tin gì của bạn. Khi nào muốn dùng, bạn mở lại trang này và chọn “Đồng ý”.
web-read-again = Đọc lại
web-home-title = Chào { $name }
web-home-continue = ▶️ Làm tiếp
web-home-products = 📦 Sản phẩm của tôi
web-home-status = 📋 Hồ sơ đã nộp
web-home-members = 👥 Thành viên
web-home-officer = 🏛️ Hồ sơ của xã
web-home-admin = ⚙️ Quản trị
web-home-account = 👤 Tài khoản
