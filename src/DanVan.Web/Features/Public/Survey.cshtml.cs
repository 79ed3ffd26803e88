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
public class SurveyModel(AppDbContext db, TimeProvider clock) : PageModel
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

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var device = SurveyAnswer.DeviceKey(Device(), surveyId, today);
        if (await db.SurveyAnswers.AnyAsync(a => a.SurveyId == surveyId && a.Device == device, ct))
        {
            ModelState.AddModelError(string.Empty, "Thiết bị này đã trả lời khảo sát hôm nay. Xin cảm ơn!");
            return Page();
        }

        db.SurveyAnswers.Add(new SurveyAnswer { SurveyId = surveyId, Satisfied = Satisfied!.Value, Rating = Rating!.Value, Day = today, Device = device, At = clock.GetUtcNow() });
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
