using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Recognition;
using DanVan.Features.Results;
using DanVan.Features.Review;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Initiatives;

public class DetailModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    public InitiativeDetail Item { get; private set; } = null!;

    public IReadOnlyList<AuditRow> Audit { get; private set; } = [];

    /// <summary>The inspections that visited this model.</summary>
    public IReadOnlyList<Inspections.InspectionView> Inspections { get; private set; } = [];

    /// <summary>Names of the units, rounds, organisations and models the history refers to by id.</summary>
    public Dictionary<(string Kind, long Id), string> AuditNames { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool CanManage { get; private set; }

    public bool CanReplicate { get; private set; }

    public List<ResultView> ResultReports { get; private set; } = [];

    /// <summary>Photos of the registration dossier: the model's, not a result.</summary>
    public List<EvidenceView> RegistrationPhotos { get; private set; } = [];

    public List<HistoryRow> RecognitionHistory { get; private set; } = [];

    public IReadOnlyList<ReplicaNode> Replicas { get; private set; } = [];

    public int ReplicaTotal { get; private set; }

    public List<Domain.ReviewDecision> Reviews { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var item = await InitiativeQueries.DetailAsync(db, scope, id, ct);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        CanEdit = scope.Can(Operation.Edit, item.ScopePath);
        CanManage = scope.Can(Operation.RetireAtReview, item.ScopePath);
        Inspections = (await Features.Inspections.Inspections.ListAsync(db, scope, item.Id, ListPage.First(), clock, ct)).Items;
        CanReplicate = item.HighestLevel is not null && item.Status != InitiativeStatus.Retired && scope.CanAnywhere(Operation.Register);
        Audit = (await InitiativeQueries.AuditAsync(db, nameof(Initiative), id, ListPage.First(), ct)).Items;
        AuditNames = await AuditView.NamesAsync(db, Audit.Select(a => a.Changes), ct);
        ResultReports = await ResultReporting.ForInitiativeAsync(db, scope, id, ct);
        RegistrationPhotos = await ResultReporting.RegistrationPhotosAsync(db, id, ct);
        RecognitionHistory = await Recognitions.HistoryAsync(db, id, ct);
        (Replicas, ReplicaTotal) = await Replication.TreeAsync(db, scope, id, ct);
        Reviews = await Features.Review.Reviews.HistoryAsync(db, id, ct);
        return Page();
    }
}
