using DanVan.Infrastructure;
using DanVan.Data;
using DanVan.Features.Awards;
using DanVan.Features.Nominations;
using DanVan.Features.Inspections;
using DanVan.Features.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Public;

/// <summary>The movement's documents marked public: plans, directives, guidance, searchable with or without tone marks.</summary>
public class DocumentsModel([FromKeyedServices(ReadReplica.Key)] AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<DocumentView> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = (await MovementDocuments.SearchAsync(db, null, Q is { Length: > 200 } ? Q[..200] : Q, null, null, null, ListPage.First(), ct)).Items;
}
