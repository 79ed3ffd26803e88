using System.Net;
using System.Net.Http.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using DocumentFormat.OpenXml.Packaging;

namespace DanVan.IntegrationTests;

/// <summary>A recognition decision people can sign: the Party format of documents.md on the page and in a .docx.</summary>
[Collection(AppCollection.Name)]
public class DecisionDocumentTests(DanVanFactory app)
{
    private async Task<(int Id, string Number, string Model)> DecisionAsync()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var model = TestData.Unique("Dân vận khéo giữ gìn đường làng");
        var initiative = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, model, registeredOn: "2025-08-01");
        var number = "12-QĐ/BCĐ-" + Guid.NewGuid().ToString("N")[..5];
        var id = await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/recognitions",
            new { unitCode = TestData.HungYen, number, date = "2025-12-20", level = "province", issuingBody = "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" tỉnh Hưng Yên", signer = "Nguyễn Văn Ký", initiativeIds = new[] { initiative } }));
        return (id, number, model);
    }

    private static string Text(string html) => WebUtility.HtmlDecode(HtmlClient.Parse(html).QuerySelector("#decision")!.TextContent);

    [Fact]
    public async Task Decision_IsInThePartyFormat_WithGroundsArticlesRecipientsAndSigner()
    {
        var (id, number, model) = await DecisionAsync();
        var web = await app.PageClientAsync((Role.Secretariat, TestData.HungYen));
        var page = await web.GetAsync($"/Recognition/Decision/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = Text(await page.Content.ReadAsStringAsync());
        foreach (var expected in new[]
        {
            "TỈNH ỦY HƯNG YÊN", "BAN CHỈ ĐẠO PHONG TRÀO THI ĐUA \"DÂN VẬN KHÉO\" TỈNH HƯNG YÊN", "Số " + number, "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Hưng Yên, ngày 20 tháng 12 năm 2025", "QUYẾT ĐỊNH", "- Căn cứ Quy chế làm việc", "Xét đề nghị", "QUYẾT ĐỊNH:",
            "Điều 1.", "Điều 2.", "Điều 3.", "Nơi nhận:", "- Lưu Văn phòng.", "T/M BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Nguyễn Văn Ký", model,
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // The signer block is configurable: a deputy signs "K/T".
        var deputy = await web.GetAsync($"/Recognition/Decision/{id}?Input.Issuer=Party&Input.Number={Uri.EscapeDataString(number)}&Input.IssuingBody=Ban+Chỉ+đạo&Input.Place=Hưng+Yên&Input.Date=2025-12-20&Input.Subject=Về+việc+công+nhận&Input.Authority=K%2FT+TRƯỞNG+BAN%0APHÓ+TRƯỞNG+BAN&Input.Signer=Trần+Thị+Phó");
        var deputyText = Text(await deputy.Content.ReadAsStringAsync());
        Assert.Contains("K/T TRƯỞNG BAN", deputyText, StringComparison.Ordinal);
        Assert.Contains("PHÓ TRƯỞNG BAN", deputyText, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Phó", deputyText, StringComparison.Ordinal);
        Assert.DoesNotContain("T/M BAN CHỈ ĐẠO", deputyText, StringComparison.Ordinal);

        // A number left empty is a field error on the page, not a 500 and not a blank decision.
        var empty = await web.GetAsync($"/Recognition/Decision/{id}?Input.Number=&Input.IssuingBody=X");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Vui lòng nhập Số, ký hiệu", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The State layout when a People's Committee issues it.
        var state = Text(await (await web.GetAsync($"/Recognition/Decision/{id}?Input.Issuer=State&Input.Number=05%2FQĐ-UBND&Input.IssuingBody=Ủy+ban+nhân+dân+tỉnh+Hưng+Yên&Input.Place=Hưng+Yên&Input.Date=2025-12-20&Input.Subject=Về+việc")).Content.ReadAsStringAsync());
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", state, StringComparison.Ordinal);
        Assert.Contains("Số: 05/QĐ-UBND", state, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionDocx_SaysWhatThePageSays_AndLibreOfficeOpensIt_ButNotForAnotherProvince()
    {
        var (id, number, model) = await DecisionAsync();
        var web = await app.PageClientAsync((Role.Secretariat, TestData.HungYen));
        var response = await web.GetAsync($"/Recognition/Decision/{id}?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var paragraphs = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            foreach (var expected in new[] { "TỈNH ỦY HƯNG YÊN", "Số " + number, "ĐẢNG CỘNG SẢN VIỆT NAM", "QUYẾT ĐỊNH:", "T/M BAN CHỈ ĐẠO", "Nguyễn Văn Ký", model, "- Lưu Văn phòng." })
            {
                Assert.Contains(paragraphs, p => p.Contains(expected, StringComparison.Ordinal));
            }

            Assert.Contains(paragraphs, p => p.StartsWith("Điều 1. Công nhận 1 mô hình", StringComparison.Ordinal));
        }

        Assert.True(await ExportTests.LibreOfficeToPdfAsync(bytes, "quyet-dinh.docx") > 1000);

        var elsewhere = await app.PageClientAsync((Role.Secretariat, TestData.NgheAn));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/Recognition/Decision/{id}?handler=Docx")).StatusCode);
    }
}
