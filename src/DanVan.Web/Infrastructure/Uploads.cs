namespace DanVan.Infrastructure;

/// <summary>Reads an uploaded file by hand rather than by binding, so a wrong content type meets authorisation first.</summary>
public static class Uploads
{
    public static async Task<(IFormFile? File, IFormCollection? Form, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return (null, null, Problems.Invalid("file", "Gửi tệp dạng multipart/form-data, trường \"file\"."));
        }

        var form = await request.ReadFormAsync(ct);
        return form.Files.GetFile("file") is { } file
            ? (file, form, null)
            : (null, form, Problems.Invalid("file", "Thiếu tệp (trường \"file\")."));
    }
}
