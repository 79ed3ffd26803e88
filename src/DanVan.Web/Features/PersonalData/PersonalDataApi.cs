using DanVan.Data;
using DanVan.Infrastructure;

namespace DanVan.Features.PersonalData;

public sealed record ErasureRequest(string? Name, string? Reason);

public static class PersonalDataApi
{
    public static void MapPersonalDataApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/personal-data").WithTags("PersonalData");
        g.MapGet("/", async (AppDbContext db, ScopeAccessor s, TimeProvider clock, string? name, CancellationToken ct) =>
        {
            var scope = await s.GetAsync(ct);
            if (!PersonalDataRequests.MayHandle(scope))
            {
                return (IResult)Problems.Forbidden("Chỉ thường trực hoặc quản trị xử lý yêu cầu về dữ liệu cá nhân.");
            }

            if (PersonalDataRequests.ValidName(name) is not { } person)
            {
                return Problems.Invalid("name", "Cần họ và tên đầy đủ của người yêu cầu (ít nhất hai chữ, chỉ gồm chữ cái).");
            }

            return TypedResults.Ok(await PersonalDataRequests.ExportAsync(db, scope, person, clock, ct));
        }).WithSummary("Xuất mọi dữ liệu mang tên một người (trong phạm vi của người gọi).").Produces<PersonExport>();
        g.MapPost("/erase", async (AppDbContext db, ScopeAccessor s, ErasureRequest body, CancellationToken ct) =>
        {
            var scope = await s.GetAsync(ct);
            if (!PersonalDataRequests.MayHandle(scope))
            {
                return (IResult)Problems.Forbidden("Chỉ thường trực hoặc quản trị xử lý yêu cầu về dữ liệu cá nhân.");
            }

            var errors = new Dictionary<string, string[]>();
            var person = PersonalDataRequests.ValidName(body.Name);
            if (person is null)
            {
                errors["name"] = ["Cần họ và tên đầy đủ của người yêu cầu (ít nhất hai chữ, chỉ gồm chữ cái)."];
            }

            if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 500 || !Validation.IsCleanText(body.Reason))
            {
                errors["reason"] = ["Cần ghi căn cứ xoá (số, ngày của đơn yêu cầu), tối đa 500 ký tự."];
            }

            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            return TypedResults.Ok(await PersonalDataRequests.EraseAsync(db, scope, person!, body.Reason!.Trim(), ct));
        }).WithSummary("Xoá tên một người khỏi mô hình, góp ý và nhật ký (giữ bản ghi mô hình).").Produces<ErasureResult>();
    }
}
