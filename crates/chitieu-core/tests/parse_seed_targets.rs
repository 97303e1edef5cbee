//! The acceptance table: every quantitative target sentence in the four source plans
//! (`seeds/sources/`, described in `seeds/README.md`), copied verbatim, with the targets
//! the parser must read from it, in order.
//!
//! Expectations are written `op value unit [level] [yYEAR | deadline] [+ | -]`, one per
//! target, separated by `|`; a range is `range min..max`; `+`/`-` is an increase or
//! decrease. They state what the *sentence* says: the Nghị quyết's targets sit under the
//! headings "đến năm 2025" / "đến năm 2030" and the plans' under "năm 2024", but a
//! sentence that does not name its year has no year here (the dataset adds it from the
//! section). Results for 2023 are not targets and are not in the table.
//!
//! Judgement calls, so a reader can disagree with them knowingly:
//! - "tối thiểu trên 2%" is `gt 2` (the comparator nearest the number decides);
//! - "chuyên trang cấp tỉnh … trung bình 01 lần/tuần" ties the update rate to the
//!   provincial page (`province`), the only level in its clause;
//! - "100% các bệnh viện tuyến tỉnh, Trung tâm Y tế huyện, …" reads `province`: only
//!   "tuyến tỉnh" names a level; "cấp xã, thôn" and "tuyến tỉnh, huyện" name several, so
//!   none;
//! - "01 xã/01 huyện", "mỗi đơn vị cấp huyện 01 xã" are `per_district`;
//! - "có thể lên đến 50.000 - 60.000" (mail accounts) is a count range.

use chitieu_core::parse::{parse_targets, ParsedTarget};
use chitieu_core::{Bound, Change, Period};

/// `000_2b8758fcb395133d.txt`: Kế hoạch Chuyển đổi số tỉnh Quảng Nam năm 2024.
const QNA_2024: &str = "000_2b8758fcb395133d.txt";
/// `002_bd180ee24926fb60.txt`: Kế hoạch nâng cao chỉ số DTI tỉnh Quảng Trị (2023).
const QTR_DTI: &str = "002_bd180ee24926fb60.txt";
/// `003_5414e6799773eb5d.txt`: Nghị quyết BTV Tỉnh ủy Quảng Nam về chuyển đổi số đến năm 2025, định hướng 2030.
const QNA_NQ: &str = "003_5414e6799773eb5d.txt";
/// `004_1ddcaee62842cd91.txt`: Kế hoạch Chuyển đổi số tỉnh Nghệ An năm 2024 (1004/KH-UBND).
const NAN_2024: &str = "004_1ddcaee62842cd91.txt";

struct Row {
    doc: &'static str,
    section: &'static str,
    text: &'static str,
    expect: &'static str,
}

const ROWS: &[Row] = &[
    // ---- Kế hoạch Chuyển đổi số tỉnh Quảng Nam năm 2024 ----
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.1 (Chính quyền số)",
        text: "Trên 95% tỷ lệ hồ sơ công việc tại cấp tỉnh, trên 85% tỷ lệ hồ sơ công việc tại cấp huyện, trên 65% tỷ lệ hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng.",
        expect: "gt 95 percent province | gt 85 percent district | gt 65 percent commune",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.1",
        text: "100% chế độ báo cáo, chỉ tiêu tổng hợp báo cáo định kỳ và báo cáo thống kê về kinh tế - xã hội phục vụ sự chỉ đạo, điều hành của cấp ủy, chính quyền các cấp được thực hiện trên hệ thống thông tin báo cáo của tỉnh; được tích hợp, kết nối, chia sẻ dữ liệu với các hệ thống dùng chung của tỉnh và liên thông với hệ thống thông tin báo cáo quốc gia.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.1",
        text: "100% CSDL tạo nền tảng phát triển chính quyền điện tử, chuyển đổi số của tỉnh được kết nối, chia sẻ; mở dữ liệu của các cơ quan nhà nước để cung cấp DVC kịp thời, một lần khai báo, trọn vòng đời phục vụ người dân và phát triển KTXH.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.1",
        text: "100% thủ tục hành chính đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình và dịch vụ công trực tuyến một phần và được cung cấp trên nhiều phương tiện truy cập khác nhau, bao gồm cả thiết bị di động; Duy trì kết nối, chia sẻ thông tin giữa Cổng dịch vụ công tỉnh với Cổng dịch vụ công quốc gia.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.1",
        text: "95% dịch vụ công trực tuyến được thiết kế, thiết kế lại nhằm tối ưu hóa trải nghiệm người dùng, khi sử dụng được điền sẵn dữ liệu mà người dùng đã cung cấp trước đó; 90% người dân và doanh nghiệp sử dụng dịch vụ công trực tuyến được định danh và xác thực thông suốt, hợp nhất trên tất cả các hệ thống của các cấp chính quyền từ trung ương đến địa phương.",
        expect: "gte 95 percent | gte 90 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.1",
        text: "90% người dân và doanh nghiệp hài lòng về việc giải quyết TTHC.",
        expect: "gte 90 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.1",
        text: "100% tỷ lệ DVC được hỗ trợ giải đáp thắc mắc cho người dân, doanh nghiệp.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.1",
        text: "100% các nhà văn hóa thôn, khối phố có lắp đặt wifi phục vụ người dân.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.2 (Kinh tế số)",
        text: "Phần đầu kinh tế số chiếm từ 10% GRDP của tỉnh.",
        expect: "gte 10 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.2",
        text: "Tỷ trọng giá trị tăng thêm của kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu trên 2%.",
        expect: "gt 2 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.2",
        text: "Phần đầu năng suất lao động hàng năm tăng tối thiểu 7%",
        expect: "gte 7 percent +",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.2",
        text: "Phần đầu tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt 100%.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.2",
        text: "Phần đầu tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số đạt 35%.",
        expect: "gte 35 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.2",
        text: "100% sản phẩm xuất khẩu có thể mạnh, sản phẩm chủ lực, đặc trưng, sản phẩm OCOP của tỉnh tham gia các sàn thương mại điện tử lớn trong và ngoài nước.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.3 (Xã hội số)",
        text: "Phần đầu tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng đạt trên 80%.",
        expect: "gt 80 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.3",
        text: "Tỷ lệ hộ gia đình có người có điện thoại thông minh đạt 85%.",
        expect: "gte 85 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.3",
        text: "Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt trên 80%.",
        expect: "gt 80 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.3",
        text: "100% các trường học có ứng dụng công nghệ số trong công tác dạy học và hoạt động quản lý; 100% trường học, cơ sở giáo dục sử dụng các phương thức thanh toán không dùng tiền mặt để thanh toán học phí.",
        expect: "gte 100 percent | gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.3",
        text: "100% các bệnh viện tuyến tỉnh, huyện kết nối với bệnh viện tuyến trên phục vụ khám chữa bệnh qua nền tảng công nghệ số.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.3",
        text: "100% các bệnh viện tuyến tỉnh, Trung tâm Y tế huyện, thị xã, thành phố triển khai thanh toán điện tử không dùng tiền mặt.",
        expect: "gte 100 percent province",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.3",
        text: "Phần đầu đạt trên 90% người dân tỉnh Quảng Nam có hồ sơ sức khỏe điện tử.",
        expect: "gt 90 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.3 (Hạ tầng CNTT và ATTT; page break inside)",
        text: "100% tỷ lệ giao dịch trên Cổng Dịch vụ công và Hệ thống thông tin một cửa\n\nđiện tử của tỉnh được xác thực điện tử.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.3 (Hạ tầng CNTT và ATTT)",
        text: "Tối thiểu 70% hệ thống thông tin được xác định cấp độ và triển khai phương án bảo đảm an toàn thông tin theo cấp độ.",
        expect: "gte 70 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.3 (Hạ tầng CNTT và ATTT)",
        text: "100% CBCCVC và người lao động của các cơ quan được tuyên truyền, phổ biến về thói quen, trách nhiệm và kỹ năng cơ bản bảo đảm an toàn thông tin.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phần II, mục II.2.3 (Hạ tầng CNTT và ATTT)",
        text: "100% cán bộ chuyên trách CNTT của các cơ quan được đào tạo, bồi dưỡng về an toàn thông tin.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phụ lục III, II.2.4 (kết quả)",
        text: "Triển khai phủ sóng di động tốc độ cao tới 100% thôn, bản vùng sâu, vùng xa, vùng nông thôn, vùng lõm sóng trên địa bàn tỉnh",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phụ lục III, III.4 (kết quả)",
        text: "Mở rộng, cung cấp hệ thống thư điện tử cho khối Đảng, đoàn thể và đối tượng sử dụng khác ngoài phạm vi của giai đoạn 2019 với dự kiến tổng số tài khoản (cả đã có và phát sinh mới) có thể lên đến 50.000 - 60.000 cho toàn bộ tỉnh",
        expect: "range 50000..60000 count",
    },
    Row {
        doc: QNA_2024,
        section: "Phụ lục III, V.2 (nội dung)",
        text: "Triển khai hệ thống cáp quang đến 100% hộ gia đình và đơn vị hành chính cấp xã, thôn trên địa bàn tỉnh",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_2024,
        section: "Phụ lục III, V.2 (kết quả)",
        text: "Hoàn thiện hạ tầng số, đảm bảo mạng cáp quang có khả năng cung cấp đến 100% hộ gia đình và đơn vị hành chính cấp xã trên địa bàn tỉnh",
        expect: "gte 100 percent commune",
    },
    Row {
        doc: QNA_2024,
        section: "Phụ lục III, V.3 (nội dung)",
        text: "Triển khai, phổ cập dịch vụ mạng di động 4G/5G và điện thoại di động thông minh đảm bảo 100% người dân có điện thoại di động thông minh",
        expect: "gte 100 percent",
    },
    // ---- Kế hoạch nâng cao chỉ số DTI tỉnh Quảng Trị (2023) ----
    Row {
        doc: QTR_DTI,
        section: "II.1 Về nhận thức số (page break inside)",
        text: "Xây dựng chuyên trang cấp tỉnh về chuyển đổi số và cập nhật thông tin\n\ntrung bình 01 lần/tuần; xây dựng chuyên mục về chuyển đổi số trên Cổng Thông tin điện tử tỉnh và cập nhật tin, bài về chuyển đổi số ít nhất 20 tin, bài/năm; Các cơ quan báo chí của tỉnh có chuyên mục riêng về chuyển đổi số; Đài Phát thanh - Truyền hình tỉnh có chuyên mục riêng về chuyển đổi số và tần suất phát sóng chuyên mục riêng về chuyển đổi số từ 01 lần/tuần; Hệ thống truyền thanh cơ sở có chuyên mục riêng về chuyển đổi số và tần suất phát sóng chuyên mục riêng về chuyển đổi số từ 01 lần/tuần.",
        expect: "gte 1 per_week province | gte 20 posts_per_year | gte 1 per_week | gte 1 per_week",
    },
    Row {
        doc: QTR_DTI,
        section: "II.3 Về hạ tầng số",
        text: "Thực hiện phổ cập điện thoại thông minh giá rẻ cho người dân trên địa bàn tỉnh đảm bảo: 100% dân số trưởng thành có điện thoại thông minh; 100% hộ gia đình có điện thoại thông minh; 100% hộ gia đình có kết nối internet băng rộng.",
        expect: "gte 100 percent | gte 100 percent | gte 100 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "II.4 Về nhân lực số",
        text: "Triển khai thành lập và tổ chức hoạt động các Tổ công nghệ số cộng đồng (CNSCD) đến cấp xã, cấp thôn; đảm bảo 100% cấp xã và 100% cấp thôn thành lập Tổ CNSCD.",
        expect: "gte 100 percent commune | gte 100 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "II.5 Về an toàn thông tin mạng",
        text: "Thực hiện cài đặt phòng, chống mã độc và chia sẻ thông tin với Trung tâm Giám sát an toàn không gian mạng quốc gia cho 100% máy chủ và máy trạm của các cơ quan nhà nước trên địa bàn tỉnh.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "II.7 Về hoạt động kinh tế số",
        text: "Nâng cao tỷ trọng kinh tế số trong GRDP đảm bảo đạt tối thiểu 10% GRDP của tỉnh.",
        expect: "gte 10 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "II.7",
        text: "Thúc đẩy các doanh nghiệp công nghệ số (doanh nghiệp cung cấp dịch vụ viễn thông - CNTT), doanh nghiệp nền tảng số hoạt động trên địa bàn tỉnh, đảm bảo tỷ lệ doanh nghiệp công nghệ số đạt tối thiểu 5%, doanh nghiệp nền tảng số đạt tối thiểu 10% tổng số doanh nghiệp trên địa bàn tỉnh.",
        expect: "gte 5 percent | gte 10 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "II.7",
        text: "Thúc đẩy các doanh nghiệp nhỏ và vừa tiếp cận, tham gia chương trình SMEdx đảm bảo đạt tối thiểu 10%, sử dụng nền tảng số đạt tối thiểu 50% số doanh nghiệp vừa và nhỏ trên địa bàn tỉnh.",
        expect: "gte 10 percent | gte 50 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "II.7",
        text: "Thúc đẩy các doanh nghiệp sử dụng hợp đồng điện tử đạt tối thiểu 80% và nộp thuế điện tử đạt 100% số doanh nghiệp trên địa bàn tỉnh.",
        expect: "gte 80 percent | gte 100 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "II.7",
        text: "Triển khai kết nối internet băng rộng cố định cho các điểm phục vụ của mạng bưu chính công cộng đảm bảo tối thiểu đạt 50%.",
        expect: "gte 50 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "II.8 Về hoạt động xã hội số",
        text: "Triển khai cấp tài khoản giao dịch tại ngân hàng hoặc các tổ chức được phép khác cho người dân từ 15 tuổi trở lên đảm bảo tối thiểu 80% người dân được cấp trên tổng số người dân từ 15 tuổi trở lên.",
        expect: "gte 80 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, I.2",
        text: "Xây dựng chuyên trang cấp tỉnh về chuyển đổi số và cập nhật thông tin theo tần suất trung bình 01 lần/01tuần",
        expect: "gte 1 per_week province",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, I.3",
        text: "Xây dựng chuyên mục về chuyển đổi số trên Cổng Thông tin điện tử của tỉnh và cập nhật tin, bài về chuyển đổi số ít nhất 20 tin, bài/01năm.",
        expect: "gte 20 posts_per_year",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, I.4",
        text: "Tần suất phát sóng chuyên mục chuyển đổi số trên Đài Phát thanh - Truyền hình tỉnh là 01 lần/01tuần.",
        expect: "gte 1 per_week",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, I.5",
        text: "Tần suất phát sóng chuyên mục riêng về chuyển đổi số trên hệ thống truyền thanh cơ sở là 01 lần/01tuần.",
        expect: "gte 1 per_week",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, III.1",
        text: "Phổ cập điện thoại thông minh giá rẻ cho người dân trên địa bàn tỉnh đảm bảo: 100% dân số trưởng thành có điện thoại thông minh; 100% hộ gia đình có điện thoại thông minh; 100% hộ gia đình có kết nối internet băng rộng",
        expect: "gte 100 percent | gte 100 percent | gte 100 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, IV.5",
        text: "Tiếp tục chỉ đạo triển khai thành lập và tổ chức hoạt động các Tổ công nghệ số cộng đồng (CNSCĐ) đến cấp xã, cấp thôn; đảm bảo 100% cấp xã, cấp thôn thành lập Tổ CNSCĐ.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, V.2",
        text: "Đảm bảo kinh phí chi cho an toàn thông tin (ATTT) gồm: Kinh phí chi cho ATTT tối thiểu bằng 10% tổng chi ngân sách nhà nước cho chuyển đổi số; kinh phí giám sát ATTT tối thiểu là 2 tỷ đồng; kinh phí kiểm tra, đánh giá ATTT tối thiểu là 2 tỷ đồng; kinh phí diễn tập, ứng cứu sự cố ATTT tối thiểu là 2 tỷ đồng; kinh phí đào tạo, tập huấn ATTT tối thiểu là 2 tỷ đồng; kinh phí tuyên truyền nâng cao nhận thức ATTT tối thiểu là 2 tỷ đồng",
        expect: "gte 10 percent | gte 2000000000 vnd | gte 2000000000 vnd | gte 2000000000 vnd | gte 2000000000 vnd | gte 2000000000 vnd",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, VI.6",
        text: "Đảm bảo tỷ lệ chi ngân sách nhà nước cho hoạt động chính quyền số đạt tối thiểu 01% tổng chi ngân sách nhà nước trên địa bàn tỉnh",
        expect: "gte 1 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, VII.2",
        text: "Triển khai các giải pháp nhằm nâng cao tỷ trọng kinh tế số trong GRDP đảm bảo đạt tối thiểu 10% GRDP của tỉnh",
        expect: "gte 10 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, VII.3",
        text: "Tham mưu thúc đẩy các doanh nghiệp công nghệ số (<i>doanh nghiệp cung cấp dịch vụ viễn thông - CNTT</i>), doanh nghiệp nền tảng số hoạt động trên địa bàn tỉnh, đảm bảo tỷ lệ doanh nghiệp công nghệ số đạt tối thiểu 5%, doanh nghiệp nền tảng số đạt tối thiểu 10% tổng số doanh nghiệp trên địa bàn tỉnh",
        expect: "gte 5 percent | gte 10 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, VII.4",
        text: "Tham mưu thúc đẩy các doanh nghiệp nhỏ và vừa tiếp cận, tham gia chương trình SMEdx đảm bảo đạt tối thiểu 10% số doanh nghiệp vừa và nhỏ trên địa bàn tỉnh.",
        expect: "gte 10 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, VII.4",
        text: "Tham mưu thúc đẩy các doanh nghiệp nhỏ và vừa sử dụng nền tảng số đạt tối thiểu 50% số doanh nghiệp vừa và nhỏ trên địa bàn tỉnh",
        expect: "gte 50 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, VII.5",
        text: "Tham mưu thúc đẩy 100% doanh nghiệp trên địa bàn tỉnh nộp thuế điện tử; thúc đẩy 80% doanh nghiệp trên địa bàn tỉnh sử dụng hợp đồng điện tử",
        expect: "gte 100 percent | gte 80 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, VII.7",
        text: "Đảm bảo kinh phí đầu tư từ ngân sách tỉnh cho kinh tế số đạt tối thiểu 0.25% tổng chi ngân sách tỉnh; kinh phí chi thường xuyên từ ngân sách tỉnh cho kinh tế số đạt tối thiểu 0.25% tổng chi ngân sách tỉnh",
        expect: "gte 0.25 percent | gte 0.25 percent",
    },
    Row {
        doc: QTR_DTI,
        section: "Phụ lục, VIII.2",
        text: "Triển khai cấp tài khoản giao dịch tại ngân hàng hoặc các tổ chức được phép khác cho người dân từ 15 tuổi trở lên, đảm bảo tối thiểu 80% người dân từ 15 tuổi trở lên được cấp tài khoản giao dịch",
        expect: "gte 80 percent",
    },
    // ---- Nghị quyết BTV Tỉnh ủy Quảng Nam về chuyển đổi số đến năm 2025, định hướng 2030 ----
    Row {
        doc: QNA_NQ,
        section: "3.1.1 (đến 2025) Chính quyền số",
        text: "90% dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện truy cập khác nhau, bao gồm cả thiết bị di động;",
        expect: "gte 90 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "3.1.1",
        text: "90% hồ sơ công việc tại cấp tỉnh; 70% hồ sơ công việc tại cấp huyện và 50% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước);",
        expect: "gte 90 percent province | gte 70 percent district | gte 50 percent commune",
    },
    Row {
        doc: QNA_NQ,
        section: "3.1.1",
        text: "100% chế độ báo cáo, chỉ tiêu tổng hợp báo cáo định kỳ và báo cáo thống kê về kinh tế - xã hội phục vụ sự chỉ đạo, điều hành của UBND tỉnh, Chủ tịch UBND tỉnh được kết nối, tích hợp, chia sẻ dữ liệu số trên hệ thống thông tin báo cáo Chính phủ;",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "3.1.1",
        text: "50% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý.",
        expect: "gte 50 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "3.1.2 (đến 2025) Kinh tế số",
        text: "Phần đầu kinh tế số chiếm từ 08 - 10% GRDP;",
        expect: "range 8..10 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "3.1.2",
        text: "Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%;",
        expect: "gte 10 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "3.1.2",
        text: "Năng suất lao động hàng năm tăng tối thiểu 07%.",
        expect: "gte 7 percent +",
    },
    Row {
        doc: QNA_NQ,
        section: "3.1.3 (đến 2025) Xã hội số",
        text: "Hạ tầng mạng băng thông rộng cáp quang phủ trên 70% hộ gia đình, 100% xã;",
        expect: "gt 70 percent | gte 100 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "3.1.3",
        text: "Tỷ lệ dân số có tài khoản thanh toán điện tử trên 50%.",
        expect: "gt 50 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "3.2.1 (đến 2030) Chính quyền số",
        text: "100% dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện truy cập khác nhau, bao gồm cả thiết bị di động;",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "3.2.1",
        text: "100% hồ sơ công việc tại cấp tỉnh, 90% hồ sơ công việc tại cấp huyện và 70% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước);",
        expect: "gte 100 percent province | gte 90 percent district | gte 70 percent commune",
    },
    Row {
        doc: QNA_NQ,
        section: "3.2.1",
        text: "70% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý.",
        expect: "gte 70 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "3.2.2 (đến 2030) Kinh tế số",
        text: "Kinh tế số chiếm trên 15% GRDP;",
        expect: "gt 15 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "3.2.2",
        text: "Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 20%;",
        expect: "gte 20 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "3.2.2",
        text: "Năng suất lao động hằng năm tăng tối thiểu 08%.",
        expect: "gte 8 percent +",
    },
    Row {
        doc: QNA_NQ,
        section: "3.2.3 (đến 2030) Xã hội số",
        text: "Tỷ lệ dân số có tài khoản thanh toán điện tử trên 80%.",
        expect: "gt 80 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "III.3 Hạ tầng số",
        text: "Xây dựng, phát triển hạ tầng băng thông rộng chất lượng cao trên địa bàn tỉnh; trong đó, tập trung phát triển hạ tầng viễn thông, sóng di động, cáp quang đến 100% các xã miền núi của tỉnh.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "III.4 Chính quyền số, đô thị thông minh",
        text: "Triển khai xây dựng đô thị thông minh, trước mắt đầu tư nguồn lực cho 04 đô thị (thành phố Tam Kỳ, thành phố Hội An, thị xã Điện Bàn và huyện Núi Thành),",
        expect: "gte 4 count",
    },
    Row {
        doc: QNA_NQ,
        section: "III.7.2 Lĩnh vực y tế",
        text: "Phấn đấu 100% các cơ sở y tế có bộ phận khám chữa bệnh từ xa; thúc đẩy chuyển đổi số ngành y tế.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "III.7.3 Lĩnh vực giáo dục",
        text: "100% các cơ sở giáo dục triển khai công tác dạy và học từ xa; trong đó, thử nghiệm chương trình đào tạo cho phép học sinh, sinh viên học trực tuyến.",
        expect: "gte 100 percent",
    },
    Row {
        doc: QNA_NQ,
        section: "III.7.8 Chuyển đổi số cấp xã",
        text: "Xây dựng xã thông minh tại các địa phương tối thiểu 01 xã/01 huyện, thị xã, thành phố nhằm thúc đẩy thu hẹp khoảng cách số giữa khu vực nông thôn và thành thị, thúc đẩy ứng dụng công nghệ thông tin và chuyển đổi số trong chính quyền xã, góp phần nâng cao năng lực, hiệu lực, hiệu quả công tác quản lý, chỉ đạo điều hành; tăng cường tương tác giữa người dân, doanh nghiệp với chính quyền; hỗ trợ cho người dân, doanh nghiệp được tiếp cận và sử dụng các ứng dụng, dịch vụ tiện ích, thuận lợi nhất nhằm nâng cao đời sống vật chất, tinh thần của người dân, góp phần đảm bảo an sinh xã hội, an toàn, an ninh trật tự và thúc đẩy phát triển kinh tế - xã hội địa phương.",
        expect: "gte 1 per_district",
    },
    // ---- Kế hoạch Chuyển đổi số tỉnh Nghệ An năm 2024 (1004/KH-UBND) ----
    Row {
        doc: NAN_2024,
        section: "I.2 Về hạ tầng số",
        text: "100% hệ thống thông tin dùng chung của tỉnh được triển khai trên nền tảng điện toán đám mây.",
        expect: "gte 100 percent",
    },
    Row {
        doc: NAN_2024,
        section: "I.2 Về hạ tầng số",
        text: "Phổ cập dịch vụ 4G; phát triển dịch vụ 5G theo chiến lược của Bộ Thông tin và Truyền thông, phấn đấu đến hết năm 2024, tỷ lệ dân số được phủ sóng di động 5G đạt 15-20%; thực hiện tắt sóng 2G theo lộ trình và hướng dẫn của Bộ Thông tin và Truyền thông.",
        expect: "range 15..20 percent y2024",
    },
    Row {
        doc: NAN_2024,
        section: "I.2 Về hạ tầng số",
        text: "100% các cơ quan Đảng, Nhà nước kết nối mạng truyền số liệu chuyên dùng cấp II của tỉnh bảo đảm an toàn; kết nối thông suốt với mạng truyền số liệu chuyên dùng cấp I của Trung ương.",
        expect: "gte 100 percent",
    },
    Row {
        doc: NAN_2024,
        section: "I.2 Về chính quyền số",
        text: "Phấn đấu 100% cán bộ, công chức, viên chức được đào tạo, bồi dưỡng hoặc tự bồi dưỡng kiến thức và kỹ năng số; 100% cơ quan nhà nước cấp tỉnh, cấp huyện có cán bộ phụ trách công nghệ thông tin.",
        expect: "gte 100 percent | gte 100 percent",
    },
    Row {
        doc: NAN_2024,
        section: "I.2 Về chính quyền số",
        text: "Tỷ lệ hồ sơ giải quyết theo dịch vụ công trực tuyến toàn trình trên tổng số hồ sơ đạt trên 45%; tối thiểu 95% người dân và doanh nghiệp hài lòng về việc giải quyết thủ tục hành chính.",
        expect: "gt 45 percent | gte 95 percent",
    },
    Row {
        doc: NAN_2024,
        section: "I.2 Về chính quyền số",
        text: "90% hồ sơ công việc tại cấp tỉnh, 80% hồ sơ công việc tại cấp huyện và 60% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (không bao gồm hồ sơ xử lý công việc có nội dung mật).",
        expect: "gte 90 percent province | gte 80 percent district | gte 60 percent commune",
    },
    Row {
        doc: NAN_2024,
        section: "I.2 Về chính quyền số",
        text: "100% chế độ báo cáo tổng hợp định kỳ và báo cáo thống kê về kinh tế - xã hội được thực hiện trực tuyến và liên thông với hệ thống báo cáo quốc gia.",
        expect: "gte 100 percent",
    },
    Row {
        doc: NAN_2024,
        section: "I.2 Về chính quyền số",
        text: "90% cơ sở dữ liệu quốc gia được kết nối, ứng dụng trên địa bàn tỉnh theo lộ trình của Chính phủ; từng bước hình thành cơ sở dữ liệu mở của tỉnh kết nối liên thông trên 70% cơ sở dữ liệu của các sở, ngành phục vụ quản lý nhà nước, cung cấp dịch vụ công kịp thời, một lần khai báo, khai thác trọn đời.",
        expect: "gte 90 percent | gt 70 percent",
    },
    Row {
        doc: NAN_2024,
        section: "I.2 Về kinh tế số",
        text: "Kinh tế số chiếm khoảng 10% GRDP.",
        expect: "approx 10 percent",
    },
    Row {
        doc: NAN_2024,
        section: "I.2 Về kinh tế số",
        text: "80% người dân từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng hoặc các tổ chức được phép khác.",
        expect: "gte 80 percent",
    },
    Row {
        doc: NAN_2024,
        section: "I.2 Về kinh tế số",
        text: "Có ít nhất từ 01 đến 02 cơ sở giáo dục triển khai đào tạo về thương mại điện tử (TMĐT); trên 3.000 lượt doanh nghiệp, hợp tác xã, làng nghề, hộ kinh doanh, cán bộ công chức, viên chức, sinh viên, thanh niên khởi nghiệp được tham gia các chương trình đào tạo, tập huấn về thực thi pháp luật và kỹ năng ứng dụng TMĐT.",
        expect: "range 1..2 count | gt 3000 count",
    },
    Row {
        doc: NAN_2024,
        section: "I.2 Về xã hội số",
        text: "Trên 45% người dùng điện thoại, thiết bị thông minh được tiếp cận, sử dụng các dịch vụ chính quyền điện tử, dịch vụ đô thị thông minh.",
        expect: "gt 45 percent",
    },
    Row {
        doc: NAN_2024,
        section: "I.2 Về xã hội số",
        text: "50% người dân trưởng thành sử dụng dịch vụ thanh toán điện tử.",
        expect: "gte 50 percent",
    },
    Row {
        doc: NAN_2024,
        section: "II.7.1 Bảo đảm ATTT theo cấp độ",
        text: "Tổ chức rà soát, phân loại, xác định, đảm bảo phê duyệt đề xuất cấp độ an toàn hệ thống thông tin và phương án bảo đảm an toàn hệ thống thông tin theo cấp độ cho 100% các hệ thống thông tin trên địa bàn từ cấp tỉnh đến cấp huyện, xã.",
        expect: "gte 100 percent",
    },
    Row {
        doc: NAN_2024,
        section: "II.7.1",
        text: "Thực hiện kiểm tra, đánh giá định kỳ an toàn thông tin cho hệ thống thông tin theo quy định trước **ngày 15/12/2024** (Tối thiểu 1 lần/2 năm cho hệ thống cấp độ 1, 2; 1 lần/1 năm cho hệ thống cấp độ 3, 4 và 1 lần/06 tháng cho hệ thống cấp độ 5).",
        expect: "gte 1 per_2_years 2024-12-15 | gte 1 per_year 2024-12-15 | gte 1 per_6_months 2024-12-15",
    },
    Row {
        doc: NAN_2024,
        section: "II.7.1 (also Phụ lục, 13)",
        text: "Tổ chức tối thiểu 01 cuộc diễn tập thực chiến/năm, ưu tiên hệ thống thông tin cấp độ 3 trở lên.",
        expect: "gte 1 per_year",
    },
    Row {
        doc: NAN_2024,
        section: "Phụ lục, 18 (mục tiêu)",
        text: "Dự kiến triển khai mỗi đơn vị cấp huyện 01 xã làm mô hình chuyển đổi số cấp xã (18 huyện/thành/thị, trừ 03 huyện đã triển khai: Nghi Lộc, Quỳnh Hợp, Anh Sơn) và 02 huyện làm mô hình chuyển đổi số cấp huyện.",
        expect: "gte 1 per_district commune | gte 2 count district",
    },
    Row {
        doc: NAN_2024,
        section: "Phụ lục, 22 (mục tiêu)",
        text: "Tiếp tục duy trì bản tin định kỳ mỗi năm 4 số, trung bình 1 số/quý.",
        expect: "gte 4 per_year | gte 1 per_quarter",
    },
];

/// Sentences of the same plans that carry figures (years, dates, document numbers,
/// "4G/5G", "mức độ 4", "phiên bản 1.0", "mô hình 4 lớp", "định kỳ 6 tháng") but state no
/// quantitative target: each must be an error, never a guessed target.
const NO_TARGET: &[(&str, &str, &str)] = &[
    (QNA_2024, "Phần II, mục II.2.3", "Phổ cập dịch vụ mạng di động 4G/5G và điện thoại di động thông minh."),
    (QNA_2024, "Phần II, I (căn cứ)", "Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình chuyển đổi số quốc gia đến năm 2025, định hướng năm 2030."),
    (QNA_2024, "Phụ lục III, II.1.1", "Quý IV/2024"),
    (QNA_2024, "Phần II, III.8", "Triển khai nhiệm vụ về số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực thuộc thẩm quyền giải quyết của các cơ quan, đơn vị, địa phương trên địa bàn tỉnh Quảng Nam, giai đoạn 2021-2025 theo Kế hoạch số 8079/KH-UBND ngày 12/11/2021, cập nhật, lưu trữ dữ liệu trên hệ thống lưu trữ điện tử dùng chung của tỉnh đảm bảo đầy đủ, đúng quy định."),
    (QTR_DTI, "II.3 Về hạ tầng số", "Triển khai Trung tâm dữ liệu phục vụ chuyển đổi số theo hướng sử dụng công nghệ điện toán đám mây đạt tiêu chuẩn (đáp ứng các tiêu chí, chỉ tiêu kỹ thuật theo hướng dẫn của Bộ Thông tin và Truyền thông tại Văn bản số 1145/BTTTT-CATTT ngày 03/4/2020) và kết nối với Nền tảng điện toán đám mây Chính phủ theo mô hình do Bộ Thông tin và Truyền thông hướng dẫn."),
    (QTR_DTI, "II.3 Về hạ tầng số", "Triển khai đầy đủ các nền tảng số dùng chung trên Trung tâm THDL của tỉnh: (1) Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP); (2) Nền tảng phân tích, xử lý dữ liệu tổng hợp tập trung; (3) Nền tảng số quản trị tổng thể, thống nhất toàn tỉnh phục vụ hoạt động chỉ đạo, điều hành và quản trị nội bộ của cơ quan nhà nước; (4) Nền tảng hợp trực tuyến; (5) Nền tảng giám sát trực tuyến phục vụ công tác quản lý nhà nước; (6) Nền tảng trợ lý ảo phục vụ người dân, doanh nghiệp; (7) Nền tảng trợ lý ảo phục vụ công chức, viên chức."),
    (QTR_DTI, "II.5", "Thực hiện kiểm tra, đánh giá các hệ thống thông tin của các cơ quan nhà nước đầy đủ các nội dung theo quy định tại Thông tư số 12/2022/TT-BTTTT ngày 12/8/2022."),
    (QTR_DTI, "II.8", "Triển khai các hoạt động về chuyển đổi số và ứng dụng công nghệ thông tin vào thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021-2025 trên địa bàn tỉnh."),
    (QTR_DTI, "Phụ lục, VI.3", "Nâng cao tỷ lệ DVCTT được điền sẵn thông tin; tỷ lệ DVCTT được cá thể hóa; tỷ lệ DVCTT phát sinh hồ sơ trực tuyến; tỷ lệ hồ sơ được xử lý trực tuyến; tỷ lệ tài khoản của người dân doanh nghiệp có sử dụng DVCTT mức độ 3, mức độ 4; mức độ hài lòng của người dân, doanh nghiệp khi sử dụng DVCTT"),
    (QNA_NQ, "3.1 heading", "3.1. Mục tiêu cơ bản đến năm 2025"),
    (QNA_NQ, "3.1.3", "Phổ cập dịch vụ mạng di động 4G/5G và điện thoại di động thông minh;"),
    (QNA_NQ, "3.2.3", "Phổ cập dịch vụ mạng di động 5G;"),
    (QNA_NQ, "III.4", "Phát triển, hoàn thiện Cổng dịch vụ công của tỉnh, kết nối với Cổng dịch vụ công quốc gia; đưa toàn bộ các dịch vụ công trực tuyến lên mức độ 3, mức độ 4. Thực hiện thủ tục hành chính trên môi trường điện tử, số hóa kết quả giải quyết thủ tục hành chính theo quy định tại Nghị định số 45/2020/NĐ-CP, ngày 08/4/2020 của Chính phủ."),
    (NAN_2024, "Về đô thị thông minh", "Về đô thị thông minh: Tiếp tục thí điểm và nhân rộng các dịch vụ số theo Kiến trúc ICT phát triển đô thị thông minh tỉnh Nghệ An, phiên bản 1.0; trong đó bao gồm các lĩnh vực y tế, giáo dục, giao thông, an ninh, trật tự, du lịch,... thuộc hệ thống dịch vụ đô thị thông minh tại thành phố Vinh, thị xã Cửa Lò, thị xã Thái Hòa và thị xã Hoàng Mai."),
    (NAN_2024, "Phụ lục heading", "(Kèm theo Kế hoạch số 1004 /KH-UBND ngày 19 /12/2023 của UBND tỉnh)"),
    (NAN_2024, "Phụ lục, 12 (mục tiêu)", "Thực hiện kiểm tra đánh giá định kỳ ATTT cho HTTT theo quy định trước 15/12/2024."),
    (NAN_2024, "II.7.3", "Tổ chức triển khai đầy đủ các nhiệm vụ bảo đảm an toàn thông tin mạng, cụ thể: Hệ thống thông tin triển khai đầy đủ phương án bảo đảm an toàn thông tin theo cấp độ; hệ thống thông tin được kiểm tra, đánh giá an toàn thông tin mạng trước khi đưa vào sử dụng, nâng cấp, thay đổi, định kỳ theo quy định; hệ thống thông tin được quản lý, vận hành theo mô hình 4 lớp theo Chỉ thị số 14/CT-TTg ngày 07/6/2019 của Thủ tướng Chính phủ."),
    (NAN_2024, "VI.1", "Là cơ quan thường trực Ban Chỉ đạo về chuyển đổi số tỉnh có trách nhiệm tham mưu, hướng dẫn, đôn đốc, phối hợp với các cơ quan liên quan thực hiện nhiệm vụ được giao tại Kế hoạch này; định kỳ 6 tháng báo cáo UBND tỉnh kết quả thực hiện về chuyển đổi số trên địa bàn tỉnh."),
    (NAN_2024, "II.10", "Đẩy mạnh phát triển xã hội số, phổ cập dịch vụ Internet băng thông rộng đến hộ gia đình và phủ sóng di động 4G/5G; khuyến khích doanh nghiệp triển khai nền tảng thanh toán điện tử, ví điện tử."),
];

fn summary(t: &ParsedTarget) -> String {
    let mut s = match t.bound {
        Bound::Range { min, max } => format!("range {min}..{max}"),
        b => format!("{} {}", b.op(), b.value()),
    };
    s.push(' ');
    s.push_str(t.unit.as_str());
    if let Some(l) = t.level {
        s.push(' ');
        s.push_str(l.as_str());
    }
    match t.deadline {
        Some(Period::Year(y)) => s.push_str(&format!(" y{y}")),
        Some(p) => s.push_str(&format!(" {p}")),
        None => {}
    }
    match t.change {
        Some(Change::Increase) => s.push_str(" +"),
        Some(Change::Decrease) => s.push_str(" -"),
        None => {}
    }
    s
}

#[test]
fn every_seed_target_sentence_parses() {
    let mut failures = Vec::new();
    for row in ROWS {
        let want: Vec<&str> = row.expect.split('|').map(str::trim).collect();
        match parse_targets(row.text) {
            Ok(ts) => {
                let got: Vec<String> = ts.iter().map(summary).collect();
                if got != want {
                    failures.push(format!(
                        "{} / {}\n  {:?}\n  want {want:?}\n  got  {got:?}",
                        row.doc, row.section, row.text
                    ));
                }
                for t in &ts {
                    assert!(
                        !t.text.is_empty() && row.text.contains(&t.text),
                        "span {:?} not in {:?}",
                        t.text,
                        row.text
                    );
                }
            }
            Err(e) => failures.push(format!(
                "{} / {}\n  {:?}\n  {e}",
                row.doc, row.section, row.text
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

#[test]
fn seed_sentences_without_a_target_are_errors() {
    for (doc, section, text) in NO_TARGET {
        let got = parse_targets(text);
        assert!(
            got.is_err(),
            "{doc} / {section}: {text:?} gave {:?}",
            got.map(|ts| ts.iter().map(summary).collect::<Vec<_>>())
        );
    }
}

#[test]
fn the_table_covers_every_document() {
    for doc in [QNA_2024, QTR_DTI, QNA_NQ, NAN_2024] {
        let rows = ROWS.iter().filter(|r| r.doc == doc).count();
        assert!(rows >= 15, "{doc}: only {rows} rows");
    }
    let targets: usize = ROWS.iter().map(|r| r.expect.split('|').count()).sum();
    assert!(
        ROWS.len() >= 90 && targets >= 130,
        "{} rows, {targets} targets",
        ROWS.len()
    );
}

/// The rows are copied verbatim: each is found in its source document, as kept in the
/// repository under `seeds/sources/`.
#[test]
fn rows_are_verbatim_from_the_sources() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/sources");
    for doc in [QNA_2024, QTR_DTI, QNA_NQ, NAN_2024] {
        let path = dir.join(doc);
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let texts = ROWS
            .iter()
            .filter(|r| r.doc == doc)
            .map(|r| r.text)
            .chain(NO_TARGET.iter().filter(|r| r.0 == doc).map(|r| r.2));
        for text in texts {
            assert!(source.contains(text), "{doc}: not verbatim: {text:?}");
        }
    }
}
