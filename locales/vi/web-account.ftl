## Tài khoản, mã đăng nhập, liên kết Telegram, thông báo (trang web)
web-account-title = Tài khoản của bạn
web-account-name = Họ và tên
web-account-phone = Số điện thoại
web-account-organisation = Cơ sở sản xuất
web-account-commune = Xã, phường
web-account-language = Ngôn ngữ
web-account-language-name = { $language ->
    [en] English
   *[other] Tiếng Việt
}
web-account-telegram = Telegram
web-account-telegram-linked = Đã liên kết
web-account-telegram-not-linked = Chưa liên kết
web-account-none = (chưa có)
web-account-edit = Sửa
web-account-change-language = Đổi ngôn ngữ
web-account-btn-notifications = 🔔 Cài đặt thông báo
web-account-btn-other-device = 📱 Tiếp tục trên máy khác
web-account-btn-link-telegram = 🔗 Liên kết Telegram
web-account-btn-sign-out-everywhere = 🚪 Đăng xuất ở mọi nơi
web-account-btn-delete = 🗑 Xóa dữ liệu của tôi
web-account-back = ◀️ Quay lại
web-account-save = 💾 Lưu
web-account-name-title = Sửa họ và tên
web-account-name-hint = Ghi họ tên đầy đủ, có dấu. Ví dụ: Nguyễn Thị Lan.
web-account-phone-title = Sửa số điện thoại
web-account-phone-hint = Số di động Việt Nam, ví dụ 0912 345 678.
web-account-saved = ✅ Đã lưu.
web-account-delete-title = Xóa dữ liệu của tôi
web-account-deleted-title = Đã xóa
web-account-deleted = Đã xóa dữ liệu của bạn và đăng xuất. Nếu muốn dùng lại, bạn mở trang chính và chọn “Đồng ý”.
web-account-signed-out-everywhere-title = Đã đăng xuất
web-account-signed-out-everywhere = Đã đăng xuất ở mọi máy, kể cả máy này. Muốn dùng tiếp, bạn lấy mã đăng nhập từ một máy khác, hoặc gửi /lienket cho Trợ lý OCOP trên Telegram.
web-account-code-title = Tiếp tục trên máy khác
web-account-code-intro = Trên máy kia, mở đường dẫn này:
web-account-code-or = Hoặc mở trang “Nhập mã đăng nhập” và gõ mã:
web-account-code-expiry = Mã chỉ dùng được một lần, trong 10 phút. Đừng đưa mã cho ai khác: người có mã sẽ vào được tài khoản của bạn.
web-account-link-title = Liên kết Telegram
web-account-link-intro = Mở Trợ lý OCOP trên Telegram (<a href="https://t.me/{ $bot }">@{ $bot }</a>) và gửi đúng tin nhắn này:
web-account-link-after = Sau đó, Telegram và trang web dùng chung một tài khoản: cùng thông tin, cùng sản phẩm, cùng hồ sơ.
web-account-link-other-way = Đã làm hồ sơ trên Telegram? Gửi /lienket cho <a href="https://t.me/{ $bot }">@{ $bot }</a> trên Telegram, rồi gõ mã nhận được vào trang “Nhập mã đăng nhập” ở đây.
web-account-sign-in-title = Nhập mã đăng nhập
web-account-sign-in-intro = Gõ mã 8 chữ số bạn nhận được: từ máy khác (Tài khoản → Tiếp tục trên máy khác), hoặc từ Trợ lý OCOP trên Telegram khi gửi /lienket.
web-account-sign-in-code = Mã đăng nhập
web-account-sign-in-button = Đăng nhập
web-account-invalid-code = Mã không đúng hoặc đã hết hạn. Mỗi mã chỉ dùng được một lần, trong 10 phút. Bạn lấy mã mới rồi thử lại nhé.
web-account-other-account = Trình duyệt này đang đăng nhập một tài khoản khác đã có cơ sở hoặc hồ sơ riêng. Mình không gộp hai tài khoản đều có dữ liệu. Bạn dùng mã này trên trình duyệt khác, hoặc bấm “Đăng xuất” ở đây trước.
web-account-too-many = Bạn đã làm việc này nhiều lần quá. Chờ một phút rồi thử lại nhé.
web-account-notifications-title = Thông báo
web-account-notifications-empty = Chưa có thông báo nào.
web-account-notifications-new = Mới
web-account-notifications-older = Xem thông báo cũ hơn
web-account-notifications-open = 📋 Xem hồ sơ này
web-account-notifications-settings = 🔔 Cài đặt thông báo
web-account-settings-title = Cài đặt thông báo
web-account-settings-inbox = 📥 Hộp thư trên trang web: luôn bật.
web-account-settings-telegram-on = 💬 Telegram: đang bật.
web-account-settings-telegram-off = 💬 Telegram: đang tắt.
web-account-settings-telegram-none = 💬 Telegram: chưa liên kết.
web-account-btn-telegram-off = Tắt thông báo trên Telegram
web-account-btn-telegram-on = Bật thông báo trên Telegram
web-account-settings-push = 📱 Thông báo trên điện thoại, cả khi đã đóng trang: { $count ->
    [0] chưa bật.
   *[other] đang bật trên { $count } trình duyệt.
}
web-account-btn-push-on = Bật thông báo trên máy này
web-account-btn-push-off = Tắt thông báo trên mọi máy
web-account-push-needs-js = Muốn nhận thông báo trên điện thoại, trình duyệt cần bật JavaScript.
web-account-push-unsupported = Trình duyệt này không nhận được thông báo. Bạn vẫn xem được ở mục “Thông báo”.
web-account-push-denied = Bạn đã chặn thông báo của trang này. Mở cài đặt của trình duyệt để cho phép rồi bấm lại.
web-account-push-done = ✅ Đã bật thông báo trên máy này.
web-account-push-failed = Chưa bật được thông báo. Bạn thử lại sau nhé.
web-account-cmd-lienket = Liên kết với trang web
web-account-bot-code =
    🔗 Mã liên kết của bạn: <b>{ $code }</b>
    Mở { $url }/sign-in trên trình duyệt và gõ mã này. Trình duyệt sẽ dùng chung tài khoản với Telegram: cùng thông tin, cùng hồ sơ.
    Mã chỉ dùng được một lần, trong 10 phút. Đừng đưa mã cho ai khác.
web-account-bot-linked = ✅ Đã liên kết. Telegram và trang web giờ dùng chung một tài khoản: cùng thông tin, cùng sản phẩm, cùng hồ sơ. Gõ /tieptuc để làm tiếp.
web-account-bot-invalid-code = Mã không đúng hoặc đã hết hạn. Bạn lấy mã mới trên trang web: Tài khoản → Liên kết Telegram.
web-account-bot-other-account = Tài khoản Telegram này đã có cơ sở hoặc hồ sơ riêng, nên mình không gộp vào tài khoản trên web. Muốn dùng chung, bạn làm ngược lại: gửi /lienket (không kèm mã) để lấy mã, rồi gõ mã đó trên trang web.
web-account-bot-already-linked = Tài khoản trên web này đã liên kết với một tài khoản Telegram khác.
web-account-bot-too-many = Bạn đã gửi sai mã nhiều lần. Chờ một phút rồi thử lại nhé.
