using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Public;

/// <summary>
/// The anonymous survey form behind a QR code. One answer per device per day: the device carries a random cookie
/// and the answer keeps only a hash of it with the survey and the day (a unique index enforces it).
/// </summary>
[EnableRateLimiting(AppSetup.PublicFormsPolicy)]
public class SurveyModel(AppDbContext db, TimeProvider clock, IConfiguration config) : PageModel
{
    public const string DeviceCookie = "dv_device";

    public int InitiativeId { get; private set; }

    public string InitiativeName { get; private set; } = string.Empty;

    public string UnitName { get; private set; } = string.Empty;

    public string Question { get; private set; } = string.Empty;

    public bool IsOpen { get; private set; }

    public bool Done { get; private set; }

    [BindProperty] public bool? Satisfied { get; set; }

    [BindProperty] public int? Rating { get; set; }

    [BindProperty] public string? Website { get; set; }

    private int surveyId;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct))
        {
            return NotFound();
        }

        Device();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct))
        {
            return NotFound();
        }

        if (!IsOpen)
        {
            return Page();
        }

        if (Satisfied is null)
        {
            ModelState.AddModelError(nameof(Satisfied), "Xin chọn Hài lòng hoặc Chưa hài lòng.");
        }

        if (Rating is not (>= 1 and <= 5))
        {
            ModelState.AddModelError(nameof(Rating), "Xin chấm điểm từ 1 đến 5.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            Done = true; // a bot: thanked, not counted
            return Page();
        }

        var today = VietnamClock.Today(clock);
        var device = SurveyAnswer.DeviceKey(Device(), surveyId, today);
        if (await db.SurveyAnswers.AnyAsync(a => a.SurveyId == surveyId && a.Device == device, ct))
        {
            ModelState.AddModelError(string.Empty, "Thiết bị này đã trả lời khảo sát hôm nay. Xin cảm ơn!");
            return Page();
        }

        // A device can drop its cookie; its network address stays. Per survey and day, one address may send only so
        // many answers; many within minutes are held for an officer to accept (a queue at a desk sharing Wi-Fi is real).
        var now = clock.GetUtcNow();
        var address = SurveyAnswer.AddressKey(HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", surveyId, today);
        var rules = SurveyLimits.From(config);
        var fromAddress = await db.SurveyAnswers.Where(a => a.SurveyId == surveyId && a.Address == address).Select(a => a.At).ToListAsync(ct);
        if (fromAddress.Count >= rules.PerAddressPerDay)
        {
            ModelState.AddModelError(string.Empty, "Hôm nay địa chỉ mạng này đã gửi đủ số phiếu cho khảo sát này. Xin cảm ơn!");
            return Page();
        }

        var held = fromAddress.Count(at => at >= now - rules.BurstWindow) >= rules.BurstAnswers;
        db.SurveyAnswers.Add(new SurveyAnswer
        {
            SurveyId = surveyId, Satisfied = Satisfied!.Value, Rating = Rating!.Value, Day = today, Device = device, Address = address, Held = held, At = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two taps at once: the unique index kept one.
            ModelState.AddModelError(string.Empty, "Thiết bị này đã trả lời khảo sát hôm nay. Xin cảm ơn!");
            return Page();
        }

        Done = true;
        return Page();
    }

    private string Device()
    {
        if (Request.Cookies.TryGetValue(DeviceCookie, out var id) && id.Length is >= 16 and <= 64)
        {
            return id;
        }

        id = Survey.NewKey() + Survey.NewKey();
        Response.Cookies.Append(DeviceCookie, id, new CookieOptions
        {
            HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(400), IsEssential = true,
        });
        return id;
    }

    private async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        var s = await db.Surveys.AsNoTracking().Where(x => x.Key == key)
            .Select(x => new { x.Id, x.InitiativeId, x.Question, x.IsOpen, Name = x.Initiative!.Name, Unit = x.Initiative.CurrentUnit!.FullName })
            .FirstOrDefaultAsync(ct);
        if (s is null)
        {
            return false;
        }

        (surveyId, InitiativeId, InitiativeName, UnitName, Question, IsOpen) = (s.Id, s.InitiativeId, s.Name, s.Unit, s.Question, s.IsOpen);
        return true;
    }
}

/// <summary>
/// How many answers one network address may give a survey: <c>Surveys:AnswersPerAddressPerDay</c> (default 200) in a
/// day, and past <c>Surveys:BurstAnswers</c> (5) within <c>Surveys:BurstMinutes</c> (10) they are held for an officer.
/// </summary>
public sealed record SurveyLimits(int PerAddressPerDay, int BurstAnswers, TimeSpan BurstWindow)
{
    public static SurveyLimits From(IConfiguration config) => new(
        config.GetValue("Surveys:AnswersPerAddressPerDay", 200),
        config.GetValue("Surveys:BurstAnswers", 5),
        TimeSpan.FromMinutes(config.GetValue("Surveys:BurstMinutes", 10)));
}
