using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Recognition;

public sealed class ReplicateInput
{
    [Display(Name = "Tên mô hình nhân rộng")]
    [StringLength(300)]
    [CleanText]
    public string? Name { get; set; }

    [Display(Name = "Xã, phường áp dụng")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    public string? UnitCode { get; set; }

    [Display(Name = "Tổ chức chủ thể")]
    public int? OwnerOrganizationId { get; set; }

    [Display(Name = "Chủ thể")]
    [StringLength(200)]
    [CleanText]
    public string? OwnerName { get; set; }

    [Display(Name = "Loại")]
    public InitiativeKind? Kind { get; set; }

    [Display(Name = "Ngày bắt đầu nhân rộng")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public DateOnly? RegisteredOn { get; set; }
}

public sealed record ReplicaNode(int Id, string Name, string UnitName, DateOnly RegisteredOn, InitiativeStatus Status, RecognitionLevel? Level, IReadOnlyList<ReplicaNode> Children);

public static class Replication
{
    /// <summary>Another unit adopts a recognised initiative: a new initiative of origin "replicated", linked to its source.</summary>
    public static async Task<Initiative> ReplicateAsync(AppDbContext db, UserScope scope, int sourceId, ReplicateInput input, TimeProvider clock, CancellationToken ct)
    {
        // Recognised initiatives are public practice: any signed-in officer may copy one, wherever it is.
        var source = await InitiativeCommands.SourceAsync(db, scope, sourceId, ct) ?? throw new ScopeException(false);

        var unit = await Lookups.CurrentUnitAsync(db, input.UnitCode, nameof(ReplicateInput.UnitCode), ct);
        scope.Demand(Operation.Register, unit.Path);

        if (input.OwnerOrganizationId is { } orgId && !await db.Organizations.ReadableBy(scope, o => o.ScopePath).AnyAsync(o => o.Id == orgId, ct))
        {
            throw DomainException.For(nameof(ReplicateInput.OwnerOrganizationId), "Không tìm thấy tổ chức chủ thể.");
        }

        var copy = source.Replicate(input.Name?.Trim() ?? string.Empty, unit, unit, input.OwnerOrganizationId, input.OwnerName?.Trim(),
            input.Kind ?? source.Kind, input.RegisteredOn!.Value, clock.GetUtcNow(), scope.UserName);

        db.Initiatives.Add(copy);
        await db.SaveChangesAsync(ct);
        var officers = await Notifier.UsersCoveringAsync(db, source.ScopePath, [Role.Officer], ct);
        Notifier.Notify(db, officers, $"Mô hình \"{source.Name}\" được nhân rộng tại {unit.FullName}.", $"/Initiatives/{source.Id}", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return copy;
    }

    /// <summary>Where a source has been copied, and where those copies were copied in turn.</summary>
    /// <remarks>Only copies the caller may read, or that are on the public site, are listed (and followed further).</remarks>
    public static async Task<(IReadOnlyList<ReplicaNode> Tree, int Total)> TreeAsync(AppDbContext db, UserScope scope, int sourceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var publicIds = db.Initiatives.Where(Initiative.PublicRule).Select(p => p.Id);
        var rows = new List<(int Id, int Parent, string Name, string Unit, DateOnly On, InitiativeStatus Status, RecognitionLevel? Level)>();
        var frontier = new List<int> { sourceId };
        for (var depth = 0; depth < 10 && frontier.Count > 0; depth++)
        {
            var ids = frontier;
            var level = await db.Initiatives.AsNoTracking().Where(i => i.ReplicatedFromId != null && ids.Contains(i.ReplicatedFromId.Value))
                .Select(i => new { i.Id, Parent = i.ReplicatedFromId!.Value, i.Name, Unit = i.CurrentUnit!.FullName, i.RegisteredOn, i.Status, i.HighestLevel, i.ScopePath,
                    Public = publicIds.Contains(i.Id) })
                .ToListAsync(ct);
            level = level.Where(l => l.Public || scope.CanRead(l.ScopePath)).ToList();
            rows.AddRange(level.Select(l => (l.Id, l.Parent, l.Name, l.Unit, l.RegisteredOn, l.Status, l.HighestLevel)));
            frontier = level.Select(l => l.Id).Where(id => rows.Count(r => r.Id == id) == 1).ToList();
        }

        IReadOnlyList<ReplicaNode> Build(int parent) => rows.Where(r => r.Parent == parent).OrderBy(r => r.On).ThenBy(r => r.Id)
            .Select(r => new ReplicaNode(r.Id, r.Name, r.Unit, r.On, r.Status, r.Level, Build(r.Id))).ToList();
        return (Build(sourceId), rows.Count);
    }
}
