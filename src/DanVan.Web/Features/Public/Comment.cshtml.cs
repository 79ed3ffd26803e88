using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Public;

/// <summary>A citizen's comment: held for the unit's officers, who are told of it. Rate-limited; a honeypot field catches bots.</summary>
[EnableRateLimiting(AppSetup.PublicFormsPolicy)]
public class CommentModel(AppDbContext db, TimeProvider clock) : PageModel
{
    // The same thanks for a bot caught by the honeypot as for a person, so the trap does not show.
    private const string Thanks = "Cảm ơn bạn đã góp ý. Góp ý sẽ được đăng sau khi cán bộ xem xét.";

    public int Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    [BindProperty] public string? Text { get; set; }

    [BindProperty] public string? AuthorName { get; set; }

    /// <summary>Invisible to people; bots fill it in.</summary>
    [BindProperty] public string? Website { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            // Answer as if accepted, store nothing.
            TempData["Flash"] = Thanks;
            return Redirect($"/cong-khai/mo-hinh/{id}");
        }

        var scopePath = await db.Initiatives.Where(i => i.Id == id).Select(i => i.ScopePath).SingleAsync(ct);
        var comment = new CitizenComment
        {
            InitiativeId = id, Text = Text?.Trim() ?? string.Empty, AuthorName = string.IsNullOrWhiteSpace(AuthorName) ? null : AuthorName.Trim(), At = clock.GetUtcNow(),
            Status = CommentStatus.Pending, ScopePath = scopePath,
        };
        try
        {
            comment.Validate();
            if (!Validation.IsCleanText(comment.Text) || !Validation.IsCleanText(comment.AuthorName))
            {
                throw new DomainException("Nội dung có ký tự không hợp lệ.") { Field = nameof(Text) };
            }
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? string.Empty, e.Message);
            return Page();
        }

        db.CitizenComments.Add(comment);
        await Notifier.NotifyOfficersAsync(db, scopePath, $"Góp ý mới của người dân về mô hình \"{Name}\"", "/Feedback", comment.At, ct);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = Thanks;
        return Redirect($"/cong-khai/mo-hinh/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var name = await db.Initiatives.AsNoTracking().Visible().Where(i => i.Id == id).Select(i => i.Name).FirstOrDefaultAsync(ct);
        (Id, Name) = (id, name ?? string.Empty);
        return name is not null;
    }
}
