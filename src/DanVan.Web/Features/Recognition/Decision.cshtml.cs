using DanVan.Data;
using DanVan.Features.Reports;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Recognition;

/// <summary>
/// A recognition decision, printable and as .docx. The header, grounds and signer block start from the record and the
/// Party format; the officer may adjust them (the form travels in the address, so the .docx matches what is shown).
/// </summary>
public class DecisionModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    public DecisionView Decision { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public DecisionLayout Input { get; set; } = new();

    public DecisionText Text { get; private set; } = null!;

    /// <summary>Each layout's defaults, for the page to swap in when the officer changes the layout.</summary>
    public Dictionary<IssuerKind, Dictionary<string, string>> Defaults { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => LoadAsync(id, docx: false, ct);

    public Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct) => LoadAsync(id, docx: true, ct);

    private async Task<IActionResult> LoadAsync(int id, bool docx, CancellationToken ct)
    {
        var d = await Recognitions.ViewAsync(db, await scopes.GetAsync(ct), id, ct);
        if (d is null)
        {
            return NotFound();
        }

        Decision = d;
        Defaults = Enum.GetValues<IssuerKind>().ToDictionary(k => k, k => Fields(DecisionDocument.Defaults(d, k)));
        // Nothing adjusted yet (a plain link): the record's defaults. Adjusted but invalid: the errors show, the defaults print.
        if (!Request.Query.ContainsKey("Input.Number"))
        {
            // A plain link carries no layout: nothing was typed, so nothing is wrong (the binder's empty fallback is not the officer's input).
            ModelState.Clear();
            Input = DecisionDocument.Defaults(d, Input.Issuer);
        }
        else if (!ModelState.IsValid)
        {
            Input = DecisionDocument.Defaults(d, Input.Issuer);
        }

        Text = DecisionDocument.Compose(Input, d);
        return docx
            ? File(DecisionDocument.Build(Input, d), Exports.DocxType, Exports.FileName("quyet-dinh " + d.Number, "docx"))
            : Page();
    }

    private static Dictionary<string, string> Fields(DecisionLayout l) => new()
    {
        ["SuperiorBody"] = l.SuperiorBody ?? string.Empty, ["IssuingBody"] = l.IssuingBody ?? string.Empty, ["Bases"] = l.Bases ?? string.Empty,
        ["Proposal"] = l.Proposal ?? string.Empty, ["Authority"] = l.Authority ?? string.Empty, ["Recipients"] = l.Recipients ?? string.Empty,
    };
}
