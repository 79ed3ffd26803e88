using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Maps = DanVan.Domain.Maps;

namespace DanVan.Features.Imports;

public sealed record RowError(int Line, IReadOnlyList<string> Errors);

public sealed record ImportOutcome(int Total, IReadOnlyList<RowError> Errors, string? FileError, int Created, int Updated, int Recognitions, int Retired)
{
    public bool Ok => FileError is null && Errors.Count == 0;
}

/// <summary>
/// Bulk import of initiatives: <see cref="ImportFile"/> reads the file, <see cref="InitiativeRows"/> checks each row against
/// the caller's permissions and the domain's rules, and this writer applies every row or none, in one transaction,
/// recorded in the audit trail as one import. A dry run stops after the check and lists every bad row.
/// </summary>
public static class InitiativeImport
{
    public static IReadOnlyList<string> Keys => InitiativeRows.Keys;

    public static IReadOnlyDictionary<string, string> Labels => InitiativeRows.Labels;

    /// <summary>Reads a file with the initiatives' columns (for tests and tools that only read).</summary>
    public static ImportTable Read(Stream content, string fileName) => ImportFile.Read(content, fileName, InitiativeRows.Columns);

    /// <summary>Checks every row (all errors of all rows), then, unless a dry run, applies all rows in one transaction.</summary>
    public static async Task<ImportOutcome> RunAsync(AppDbContext db, UserScope scope, Stream content, string fileName, bool dryRun, TimeProvider clock,
        Func<int, int, Task>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(clock);
        if (!scope.CanAnywhere(Operation.Import))
        {
            throw new ScopeException(true);
        }

        var table = Read(content, fileName);
        if (table.Error is not null)
        {
            return new ImportOutcome(0, [], table.Error, 0, 0, 0, 0);
        }

        var units = await db.AdminUnits.AsNoTracking().Select(u => new { u.Id, u.Map, u.Code, u.Path, u.CurrentPath, u.LegacyPath, u.Level, u.Name, u.FullName, u.Type, u.ParentCode })
            .ToListAsync(ct);
        var byKey = units.ToDictionary(u => (u.Map, u.Code), u => new AdminUnit
        {
            Id = u.Id, Map = u.Map, Code = u.Code, Path = u.Path, CurrentPath = u.CurrentPath, LegacyPath = u.LegacyPath, Level = u.Level,
            Name = u.Name, FullName = u.FullName, Type = u.Type, ParentCode = u.ParentCode, SortKey = string.Empty, SearchText = string.Empty,
        });
        var byPath2025 = byKey.Values.Where(u => u.Map == Maps.Current).ToDictionary(u => u.Path, StringComparer.Ordinal);
        var (planned, errors) = InitiativeRows.Parse(table, scope, byKey, byPath2025);

        // Sources of replication: a code earlier in the file, or one in the database that the caller may see (in their
        // area, or on the public site) — the same rule as the form's.
        var fileCodes = planned.Where(p => p.Code is not null).GroupBy(p => p.Code!).ToDictionary(g => g.Key, g => g.First().Line, StringComparer.Ordinal);
        var wanted = planned.Select(p => p.SourceCode).OfType<string>().Distinct().ToList();
        var candidates = wanted.Count == 0 ? [] : await db.Initiatives.AsNoTracking().Where(i => i.Code != null && wanted.Contains(i.Code))
            .Select(i => new { i.Code, i.Id, i.ScopePath, Public = db.Initiatives.Where(Initiative.PublicRule).Any(p => p.Id == i.Id) }).ToListAsync(ct);
        var visible = candidates.Where(c => scope.CanRead(c.ScopePath) || c.Public)
            .GroupBy(c => c.Code!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList(), StringComparer.Ordinal);
        var dbCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in planned.Where(p => p.SourceCode is not null).ToList())
        {
            var inFile = fileCodes.TryGetValue(p.SourceCode!, out var at) && at < p.Line;
            var column = $"{InitiativeRows.Labels["replicated_from"]} (replicated_from)";
            if (!inFile && visible.TryGetValue(p.SourceCode!, out var ids) && ids.Count > 1)
            {
                errors.Add(new RowError(p.Line, [$"{column}: có {ids.Count} mô hình cùng mã {p.SourceCode}; hãy nhân rộng từ trang của mô hình gốc."]));
                planned.Remove(p);
            }
            else if (!inFile && visible.TryGetValue(p.SourceCode!, out ids))
            {
                dbCodes[p.SourceCode!] = ids[0];
            }
            else if (!inFile)
            {
                errors.Add(new RowError(p.Line, [$"{column}: không tìm thấy mô hình mã {p.SourceCode} (trong hệ thống hoặc ở dòng trước)."]));
                planned.Remove(p);
            }
        }

        if (errors.Count > 0 || dryRun)
        {
            return new ImportOutcome(table.Rows.Count, errors.OrderBy(x => x.Line).ToList(), null, 0, 0, 0, 0);
        }

        return await ApplyAsync(db, scope, planned, table.Rows.Count, fileName, clock, progress, dbCodes, ct);
    }

    private static async Task<ImportOutcome> ApplyAsync(AppDbContext db, UserScope scope, List<InitiativeRow> planned, int total, string fileName, TimeProvider clock,
        Func<int, int, Task>? progress, Dictionary<string, int> dbCodes, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        int created = 0, updated = 0, recognitions = 0, retired = 0, line = 0;
        db.SuppressAutoAudit = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var byCode = new Dictionary<string, Initiative>(StringComparer.Ordinal);
            var decisions = new Dictionary<string, RecognitionDecision>(StringComparer.Ordinal);
            var provinces = await db.AdminUnits.Where(u => u.Map == Maps.Current && u.Level == 1).ToDictionaryAsync(u => u.Path, ct);
            // The codes already used in the file's units, read once: most batches of a large file then need no lookup.
            var unitsInFile = planned.Select(p => p.Unit.Id).Distinct().ToList();
            var known = (await db.Initiatives.AsNoTracking().Where(i => i.Code != null && unitsInFile.Contains(i.UnitId)).Select(i => new { i.UnitId, i.Code }).ToListAsync(ct))
                .Select(x => (x.UnitId, x.Code!)).ToHashSet();
            var done = 0;
            foreach (var batch in planned.Chunk(1000))
            {
                var codes = batch.Where(p => p.Code is { } c && known.Contains((p.Unit.Id, c))).Select(p => p.Code!).ToList();
                var unitIds = batch.Select(p => p.Unit.Id).Distinct().ToList();
                var existing = codes.Count == 0 ? [] : await db.Initiatives.Include(i => i.Recognitions)
                    .Where(i => i.Code != null && codes.Contains(i.Code) && unitIds.Contains(i.UnitId)).ToListAsync(ct);
                // A decision the file names by number that is already recorded (same issuer, number and year) is that one.
                var numbered = batch.Where(p => p.Level is not null && p.DecisionNumber is not null)
                    .Select(p => RecognitionDecision.KeyOf(DecisionPathOf(p, provinces), p.DecisionNumber!, p.RecognizedOn!.Value.Year)).Distinct().ToList();
                foreach (var d in numbered.Count == 0 ? [] : await db.RecognitionDecisions.AsNoTracking().Where(d => d.NumberKey != null && numbered.Contains(d.NumberKey)).ToListAsync(ct))
                {
                    decisions.TryAdd(d.NumberKey!, d);
                }

                // New records, their recognitions and new decisions are written in bulk (ids reserved below);
                // only records that already exist go through EF's change tracking.
                var fresh = new List<Initiative>();
                var newRecognitions = new List<Domain.Recognition>();
                var newDecisions = new List<RecognitionDecision>();
                var sourceOf = new List<Initiative>();
                foreach (var p in batch)
                {
                    line = p.Line;
                    var code = p.Code;
                    var i = code is null ? null : existing.FirstOrDefault(x => x.Code == code && x.UnitId == p.Unit.Id);
                    if (i is null)
                    {
                        i = new Initiative { CreatedAt = now, CreatedBy = scope.UserName ?? "import", Version = 1 };
                        fresh.Add(i);
                        created++;
                    }
                    else
                    {
                        updated++;
                    }

                    // A source earlier in the file and new in this batch is linked by reference until its id is reserved below.
                    Initiative? source = null;
                    int? sourceId = null;
                    if (p.SourceCode is { } src)
                    {
                        if (byCode.TryGetValue(src, out var fromFile))
                        {
                            source = fromFile.Id == 0 ? fromFile : null;
                            sourceId = fromFile.Id == 0 ? null : fromFile.Id;
                        }
                        else
                        {
                            sourceId = dbCodes[src];
                        }
                    }

                    InitiativeRows.Describe(i, p, source, sourceId);
                    i.PlaceIn(p.Unit, p.Current);
                    // The units here are light copies made for the import: only their ids go to the database,
                    // never the copies themselves (tracked, they would overwrite the units' sort and search keys).
                    i.Unit = null;
                    i.CurrentUnit = null;
                    if (source is not null)
                    {
                        sourceOf.Add(i);
                    }

                    if (code is not null)
                    {
                        byCode[code] = i;
                    }

                    if (p.Level is { } level && (i.HighestLevel is null || i.HighestLevel < level))
                    {
                        var province = provinces.Values.First(u => UnitPaths.Contains(u.Path, i.ScopePath));
                        var decisionUnit = level == RecognitionLevel.Commune ? p.Current : province;
                        var path = level == RecognitionLevel.National ? "/" : decisionUnit.Path;
                        var numberKey = p.DecisionNumber is null ? null : RecognitionDecision.KeyOf(path, p.DecisionNumber, p.RecognizedOn!.Value.Year);
                        var key = numberKey ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{level}|{p.RecognizedOn!.Value:yyyy-MM-dd}|{path}");
                        if (!decisions.TryGetValue(key, out var decision))
                        {
                            decision = new RecognitionDecision
                            {
                                UnitId = level == RecognitionLevel.National ? null : decisionUnit.Id, ScopePath = path, Number = p.DecisionNumber ?? "(nhập từ tệp)",
                                NumberKey = numberKey, Date = p.RecognizedOn!.Value, Level = level,
                                IssuingBody = "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" " + decisionUnit.FullName,
                            };
                            decisions[key] = decision;
                            newDecisions.Add(decision);
                        }

                        var recognition = i.Recognize(decision);
                        // Kept out of the record's collection so change tracking never sees it: it is written in bulk.
                        i.Recognitions.Remove(recognition);
                        newRecognitions.Add(recognition);
                        recognitions++;
                    }

                    var wasRetired = i.Status == InitiativeStatus.Retired;
                    InitiativeRows.Live(i, p, mayReinstate: scope.Can(Operation.RetireAtReview, i.ScopePath));
                    retired += !wasRetired && i.Status == InitiativeStatus.Retired ? 1 : 0;

                    i.Validate();
                }

                await BulkInsert.NumberAsync(db, fresh, ct);
                await BulkInsert.NumberAsync(db, newDecisions, ct);
                await BulkInsert.NumberAsync(db, newRecognitions, ct);
                foreach (var replica in sourceOf)
                {
                    replica.SettleSource();
                }

                foreach (var r in newRecognitions)
                {
                    (r.InitiativeId, r.DecisionId) = (r.Initiative!.Id, r.Decision!.Id);
                }

                await BulkInsert.EntitiesAsync(db, newDecisions, ct);
                await BulkInsert.EntitiesAsync(db, fresh, ct);
                await BulkInsert.EntitiesAsync(db, newRecognitions, ct);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                // Each batch is written inside the one transaction; letting go of its entities keeps change
                // detection and memory flat however long the file is.
                db.ChangeTracker.Clear();
                done += batch.Length;
                if (progress is not null)
                {
                    await progress(done, total);
                }
            }

            db.SuppressAutoAudit = false;
            db.Audit("imported", nameof(Initiative), null, new { file = fileName, rows = total, created, updated, recognitions, retired });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DomainException e)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            // A rule that depends on what the database holds (the dry run tried the rest): the row that broke it, nothing written.
            return new ImportOutcome(total, [new RowError(line, [e.Message])], null, 0, 0, 0, 0);
        }
        finally
        {
            db.SuppressAutoAudit = false;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        db.ChangeTracker.Clear();
        return new ImportOutcome(total, [], null, created, updated, recognitions, retired);
    }

    /// <summary>Where a row's recognition decision is issued: the commune for a commune level, else its province ("/" nationally).</summary>
    private static string DecisionPathOf(InitiativeRow p, IReadOnlyDictionary<string, AdminUnit> provinces) =>
        p.Level == RecognitionLevel.National ? "/"
        : p.Level == RecognitionLevel.Commune ? p.Current.Path
        : provinces.Values.First(u => UnitPaths.Contains(u.Path, p.Current.Path)).Path;

    /// <summary>The template: headers in Vietnamese (required ones starred) and two example rows.</summary>
    public static byte[] Template() => Xlsx.Write("Mô hình", "Mẫu nhập danh sách mô hình \"Dân vận khéo\"",
        "Cột có dấu * là bắt buộc. Ngày ghi dạng dd/mm/yyyy hoặc yyyy-mm-dd. Lĩnh vực: Kinh tế; Văn hóa – Xã hội; Quốc phòng – An ninh; Xây dựng Đảng và hệ thống chính trị.",
        InitiativeRows.Keys.Select(k => InitiativeRows.Labels[k] + (InitiativeRows.Required.Contains(k) ? " *" : string.Empty)).ToList(),
        [
            ["MH-01", "Nuôi ong lấy mật", "12280", "2025", "Kinh tế", "Tập thể", "Mới", null, "Hội Nông dân xã", "15/03/2024", "Duy trì", null, "Cấp xã", "20/12/2024", "12-QĐ/BCĐ"],
            ["MH-02", "Nuôi ong gắn với trồng điều", "12280", "2025", "Kinh tế", "Tập thể", "Nhân rộng", "MH-01", "Chi hội Nông dân thôn Đông", "10/01/2025", "Duy trì", null, null, null, null],
        ]);
}
