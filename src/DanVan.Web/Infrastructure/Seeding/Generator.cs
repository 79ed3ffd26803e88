using DanVan.Data;
using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure.Seeding;

/// <summary>
/// Synthetic initiatives over the real units of both maps, deterministic for a seed, bulk-inserted: records dated
/// before 01/07/2025 sit on 2024 communes, later ones on 2025 communes; fields, kinds, origins, recognitions at
/// every level and retirements in proportions like those of published reports.
/// </summary>
public static class Generator
{
    public sealed record Result(int Initiatives, int Recognitions, int Retired, TimeSpan Elapsed)
    {
        public int Organizations { get; init; }

        public int Users { get; init; }

        public int ResultReports { get; init; }

        public int Appraisals { get; init; }

        public int SurveyAnswers { get; init; }

        public int UnitReportValues { get; init; }
    }

    /// <summary>Drops a table's secondary indexes and returns the statements that recreate them.</summary>
    private static async Task<List<string>> DropIndexesAsync(AppDbContext db, string table, CancellationToken ct)
    {
        var definitions = await db.Database.SqlQuery<string>(db.Dialect.IndexDefinitions(table)).ToListAsync(ct);
        foreach (var definition in definitions)
        {
            // "CREATE [UNIQUE] INDEX name ON ..." — the name is the word before ON.
            var words = definition.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = words[Array.IndexOf(words, "ON") - 1];
#pragma warning disable EF1002 // the name comes from the database's own catalogue
            await db.Database.ExecuteSqlRawAsync($"DROP INDEX {name}", ct);
#pragma warning restore EF1002
        }

        return definitions;
    }

    public static async Task<Result> RunAsync(AppDbContext db, int count, int seed, int fromYear, int toYear, Action<int>? progress = null, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var random = new Random(seed);
        var units = await db.AdminUnits.AsNoTracking().Where(u => (u.Map == Maps.Map2024 && u.Level == 3) || (u.Map == Maps.Map2025 && u.Level <= 2))
            .Select(u => new { u.Id, u.Map, u.Level, u.Path, u.CurrentPath, u.LegacyPath, u.Name }).ToListAsync(ct);
        var old = units.Where(u => u.Map == Maps.Map2024).ToArray();
        var current = units.Where(u => u.Map == Maps.Map2025 && u.Level == 2).ToArray();
        var byPath = units.Where(u => u.Map == Maps.Map2025).ToDictionary(u => u.Path, StringComparer.Ordinal);
        var provinces = units.Where(u => u.Map == Maps.Map2025 && u.Level == 1).ToDictionary(u => u.Path, StringComparer.Ordinal);
        var nextId = (await db.Initiatives.MaxAsync(i => (int?)i.Id, ct) ?? 0) + 1;
        var nextRecognition = (await db.Recognitions.MaxAsync(r => (int?)r.Id, ct) ?? 0) + 1;

        // One decision per province, level and year is enough to hang the recognitions on.
        var decisions = new Dictionary<(string, RecognitionLevel, int), int>();
        var nextDecision = (await db.RecognitionDecisions.MaxAsync(d => (int?)d.Id, ct) ?? 0) + 1;
        var decisionRows = new List<object?[]>();
        int Decision(string provincePath, RecognitionLevel level, int year)
        {
            if (!decisions.TryGetValue((provincePath, level, year), out var id))
            {
                id = nextDecision++;
                decisions[(provincePath, level, year)] = id;
                var unit = provinces[provincePath];
                decisionRows.Add([id, unit.Id, level == RecognitionLevel.National ? "/" : provincePath, $"{id}-QĐ/BCĐ", new DateOnly(year, 12, 15), (int)level, "Ban Chỉ đạo (dữ liệu sinh)", null, null]);
            }

            return id;
        }

        string[] nouns = ["Nuôi ong lấy mật", "Hiến đất làm đường", "Chính quyền thân thiện", "Dân vận khéo trong xây dựng nông thôn mới", "Tổ tự quản an ninh trật tự",
            "Phụ nữ tiết kiệm", "Thắp sáng đường quê", "Camera an ninh", "Tuyến phố văn minh", "Dòng họ khuyến học", "Nuôi bò sinh sản", "Trồng rau an toàn"];
        var reform = new DateOnly(2025, 7, 1);
        var span = new DateOnly(toYear, 12, 31).DayNumber - new DateOnly(fromYear, 1, 1).DayNumber;
        var now = DateTimeOffset.UtcNow;
        int recognitions = 0, retired = 0, reportCount = 0, answerCount = 0;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Around the records: three mass organisations per 2025 commune, a secretariat per province and an officer per
        // commune (placeholder accounts: no password, they cannot sign in), and the criteria appraisals are scored by.
        var organizations = new List<Organization>();
        foreach (var commune in current)
        {
            foreach (var (prefix, kind) in new[] { ("Hội Nông dân", OrganizationKind.MassOrganization), ("Hội Liên hiệp Phụ nữ", OrganizationKind.MassOrganization), ("Đoàn Thanh niên", OrganizationKind.MassOrganization) })
            {
                var o = new Organization { Name = $"{prefix} {commune.Name}", Kind = kind, UnitId = commune.Id, ScopePath = commune.Path, Version = 1 };
                o.Normalise();
                organizations.Add(o);
            }
        }

        await BulkInsert.NumberAsync(db, organizations, ct);

        await BulkInsert.EntitiesAsync(db, organizations, ct);
        var orgsOf = organizations.GroupBy(o => o.UnitId).ToDictionary(g => g.Key, g => g.Select(o => o.Id).ToArray());
        var typeOfOrg = organizations.ToDictionary(o => o.Id, o => OwnerTypes.Guess(InitiativeKind.Collective, o.Name, o.Kind));
        // Its own sequence, so that the records the seed has always made stay the same.
        var tags = new Random(seed + 2);

        var users = new List<AppUser>();
        var grants = new List<RoleGrant>();
        foreach (var unit in provinces.Values.Concat(current))
        {
            var email = $"gen{seed}-{unit.Id}@danvan.invalid";
            var user = new AppUser
            {
                Id = $"gen-{seed}-{unit.Id}", UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
                FullName = "Cán bộ " + unit.Name, CreatedAt = now, HomeUnitId = unit.Id,
            };
            users.Add(user);
            grants.Add(new RoleGrant { UserId = user.Id, Role = unit.Level == 1 ? Role.Secretariat : Role.Officer, UnitId = unit.Id, ScopePath = unit.Path });
        }

        await BulkInsert.EntitiesAsync(db, users, ct);
        await BulkInsert.NumberAsync(db, grants, ct);

        await BulkInsert.EntitiesAsync(db, grants, ct);

        var measure = await db.MeasureUnits.OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct) ?? throw new InvalidOperationException("No measure units: run migrate first.");
        // The yearly "households taking part" is the standard indicator of that name: the summary adds it up.
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var households = indicators.TryGetValue("households_participating", out var h) ? h : (int?)null;
        var national = provinces.Values.First();
        var criteria = new CriteriaSet { UnitId = national.Id, ScopePath = "/", Name = "Tiêu chí thẩm định (dữ liệu sinh)", PassThreshold = 70, Frozen = true };
        await BulkInsert.NumberAsync(db, new[] { criteria }, ct);
        await BulkInsert.EntitiesAsync(db, new[] { criteria }, ct);
        // One closed appraisal per province and year, holding the records that province recognised that year.
        var appraisals = new Dictionary<(string, int), Appraisal>();
        var appraisalItems = new List<AppraisalItem>();
        // A b-tree built once from all rows is far cheaper than a million random inserts into it.
        var rebuild = count >= 50_000 ? await DropIndexesAsync(db, "Initiatives", ct) : [];
        for (var done = 0; done < count;)
        {
            var n = Math.Min(20_000, count - done);
            var initiatives = new List<object?[]>(n);
            var recs = new List<object?[]>();
            var reports = new List<ResultReport>();
            var values = new List<IndicatorValue>();
            var surveys = new List<Survey>();
            var answers = new List<SurveyAnswer>();
            for (var k = 0; k < n; k++)
            {
                var id = nextId++;
                var registered = DateOnly.FromDayNumber(new DateOnly(fromYear, 1, 1).DayNumber + random.Next(span));
                var unit = registered < reform ? old[random.Next(old.Length)] : current[random.Next(current.Length)];
                var cur = unit.Map == Maps.Map2025 ? unit : byPath[unit.CurrentPath];
                var roll = random.NextDouble();
                var field = roll < 0.30 ? Field.Economy : roll < 0.75 ? Field.CultureSociety : roll < 0.87 ? Field.DefenseSecurity : Field.PoliticalSystem;
                var kind = random.NextDouble() < 0.85 ? InitiativeKind.Collective : InitiativeKind.Individual;
                var origin = random.NextDouble() < 0.35 ? Origin.Replicated : Origin.New;
                var name = $"{nouns[random.Next(nouns.Length)]} {unit.Name} {id}";
                RecognitionLevel? highest = null;
                DateOnly? first = null;
                var levelOn = new DateOnly?[4];
                var province = "/" + cur.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0] + "/";
                void Recognise(RecognitionLevel level, DateOnly on)
                {
                    recs.Add([nextRecognition++, id, Decision(province, level, on.Year), (int)level, on]);
                    highest = level;
                    first ??= on;
                    levelOn[(int)level] = on;
                    recognitions++;
                }

                var today = VietnamClock.TodayNow;
                var firstOn = registered.AddDays(180 + random.Next(540));
                if (random.NextDouble() < 0.40 && firstOn <= today)
                {
                    Recognise(RecognitionLevel.Commune, firstOn);
                    var second = firstOn.AddDays(365 + random.Next(365));
                    if (second < reform && random.NextDouble() < 0.20)
                    {
                        Recognise(RecognitionLevel.District, second);
                        second = second.AddDays(365);
                    }

                    if (random.NextDouble() < 0.25 && second <= today)
                    {
                        Recognise(RecognitionLevel.Province, second);
                        if (random.NextDouble() < 0.05 && second.AddDays(400) <= today)
                        {
                            Recognise(RecognitionLevel.National, second.AddDays(400));
                        }
                    }
                }

                DateOnly? retiredOn = null;
                if (random.NextDouble() < 0.10)
                {
                    var r = registered.AddDays(365 + random.Next(900));
                    if (r <= today && (highest is null || r > (DateOnly)recs[^1][4]!))
                    {
                        retiredOn = r;
                        retired++;
                    }
                }

                var status = retiredOn is null ? InitiativeStatus.Active : InitiativeStatus.Retired;
                // A yearly result report for each full year the record was kept, the latest five at most (about five each).
                var lastYear = Math.Min((retiredOn ?? today).Year - 1, toYear);
                for (var y = Math.Max(registered.Year + 1, lastYear - 4); y <= lastYear; y++)
                {
                    var taking = 10 + random.Next(300);
                    var value = new IndicatorValue("Số hộ tham gia", taking, measure);
                    value.CountAs(households, households is null ? null : taking);
                    var report = ResultReport.Open(id, PeriodKind.Year, new DateOnly(y, 1, 1));
                    report.Record(PeriodKind.Year, new DateOnly(y, 1, 1), [value], "Báo cáo kết quả năm " + y + " (dữ liệu sinh)",
                        new DateTimeOffset(y + 1, 1, 10, 2, 0, 0, TimeSpan.Zero), "generator");
                    report.Version = 1;
                    reports.Add(report);
                    values.Add(value);
                }

                if (highest is not null && retiredOn is null && random.NextDouble() < 0.02)
                {
                    var survey = new Survey
                    {
                        InitiativeId = id, Question = "Bạn có hài lòng với mô hình này?", Key = $"g{seed}x{id}", IsOpen = true, OpenedOn = first!.Value,
                        ScopePath = cur.Path, CreatedBy = "generator", Version = 1,
                    };
                    surveys.Add(survey);
                    for (var a = random.Next(5, 40); a > 0; a--)
                    {
                        answers.Add(new SurveyAnswer
                        {
                            Survey = survey, Satisfied = random.NextDouble() < 0.85, Rating = 3 + random.Next(3), Day = first.Value.AddDays(a),
                            Device = $"{id}-{a}", At = new DateTimeOffset(first.Value.AddDays(a), new TimeOnly(9, 0), TimeSpan.Zero),
                        });
                    }
                }

                if (highest >= RecognitionLevel.Province && levelOn[(int)RecognitionLevel.Province] is { } provinceOn)
                {
                    if (!appraisals.TryGetValue((province, provinceOn.Year), out var appraisal))
                    {
                        appraisal = new Appraisal
                        {
                            UnitId = provinces[province].Id, ScopePath = province, Name = $"Thẩm định mô hình cấp tỉnh năm {provinceOn.Year} (dữ liệu sinh)",
                            CriteriaSetId = criteria.Id, OpenedOn = new DateOnly(provinceOn.Year, 10, 1), Status = AppraisalStatus.Closed, Version = 1,
                        };
                        appraisals[(province, provinceOn.Year)] = appraisal;
                    }

                    appraisalItems.Add(new AppraisalItem { Appraisal = appraisal, InitiativeId = id, Outcome = AppraisalOutcome.Passed, Conclusion = "Đạt (dữ liệu sinh)" });
                }

                var owner = kind == InitiativeKind.Collective && random.NextDouble() < 0.5 && orgsOf.TryGetValue(cur.Id, out var orgs) ? orgs[random.Next(orgs.Length)] : (int?)null;
                initiatives.Add([
                    id, name, (int)field, (int)kind, (int)origin, origin == Origin.Replicated ? "Nhân rộng (dữ liệu sinh)" : null, "Chủ thể " + id,
                    unit.Id, unit.Path, unit.Map == Maps.Map2024 ? unit.Path : unit.LegacyPath, cur.Id, cur.Path, registered, (int)status, retiredOn,
                    retiredOn is null ? null : "Rà soát (dữ liệu sinh)", VietnameseText.SortKey(name), VietnameseText.Fold(name), now, "generator", 1,
                    highest is null ? null : (int)highest.Value, first, levelOn[0], levelOn[1], levelOn[2], levelOn[3], owner, false,
                    (int)(kind == InitiativeKind.Individual ? OwnerType.Individual : owner is { } o ? typeOfOrg[o] : OwnerTypes.Ordered[tags.Next(OwnerTypes.Ordered.Length - 1)] is var t && t != OwnerType.Individual ? t : OwnerType.Other),
                    tags.NextDouble() < 0.15 ? (int)OwnerTypes.AllGroups[tags.Next(OwnerTypes.AllGroups.Length)] : 0,
                    retiredOn ?? registered,
                ]);
            }

            await BulkInsert.RunAsync(db, "Initiatives",
                ["Id", "Name", "Field", "Kind", "Origin", "OriginNote", "OwnerName", "UnitId", "UnitPath", "LegacyPath", "CurrentUnitId", "ScopePath", "RegisteredOn",
                 "Status", "RetiredOn", "RetiredReason", "SortKey", "SearchText", "CreatedAt", "CreatedBy", "Version", "HighestLevel", "FirstRecognizedOn",
                 "CommuneRecognizedOn", "DistrictRecognizedOn", "ProvinceRecognizedOn", "NationalRecognizedOn", "OwnerOrganizationId", "HiddenFromPublic",
                 "OwnerType", "TargetGroups", "ChangedOn"], initiatives, ct);
            await BulkInsert.RunAsync(db, "RecognitionDecisions", ["Id", "UnitId", "ScopePath", "Number", "Date", "Level", "IssuingBody", "Signer", "AppraisalId"], decisionRows, ct);
            decisionRows.Clear();
            await BulkInsert.RunAsync(db, "Recognitions", ["Id", "InitiativeId", "DecisionId", "Level", "Date"], recs, ct);
            await BulkInsert.NumberAsync(db, reports, ct);
            for (var k = 0; k < reports.Count; k++)
            {
                values[k].ReportId = reports[k].Id;
            }

            await BulkInsert.NumberAsync(db, values, ct);
            await BulkInsert.NumberAsync(db, surveys, ct);
            foreach (var answer in answers)
            {
                (answer.SurveyId, answer.Survey) = (answer.Survey!.Id, null);
            }

            await BulkInsert.NumberAsync(db, answers, ct);
            await BulkInsert.EntitiesAsync(db, reports, ct);
            await BulkInsert.EntitiesAsync(db, values, ct);
            await BulkInsert.EntitiesAsync(db, surveys, ct);
            await BulkInsert.EntitiesAsync(db, answers, ct);
            reportCount += reports.Count;
            answerCount += answers.Count;
            done += n;
            progress?.Invoke(done);
        }

        var unitValues = await UnitReportsAsync(db, current.Select(c => new AdminUnit
        {
            Id = c.Id, Map = c.Map, Level = c.Level, Code = string.Empty, Name = c.Name, FullName = c.Name, Type = string.Empty, SortKey = string.Empty, SearchText = string.Empty, Path = c.Path, CurrentPath = c.CurrentPath,
            LegacyPath = c.LegacyPath,
        }).ToList(), seed, fromYear, toYear, ct);

        await BulkInsert.NumberAsync(db, appraisals.Values.ToList(), ct);
        foreach (var item in appraisalItems)
        {
            (item.AppraisalId, item.Appraisal) = (item.Appraisal!.Id, null);
        }

        await BulkInsert.NumberAsync(db, appraisalItems, ct);
        await BulkInsert.EntitiesAsync(db, appraisals.Values.ToList(), ct);
        await BulkInsert.EntitiesAsync(db, appraisalItems, ct);

        foreach (var t in new[] { "Initiatives", "Recognitions", "RecognitionDecisions" })
        {
            if (db.Dialect.ResetIdentity(t) is { } reset)
            {
                await db.Database.ExecuteSqlRawAsync(reset, ct);
            }
        }

        foreach (var sql in rebuild)
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }

        await IndicatorRollup.RebuildAsync(db, ct);
        await tx.CommitAsync(ct);
        // Fresh statistics for the planner; on PostgreSQL the visibility map too, so covering indexes are read alone.
        await db.Database.ExecuteSqlRawAsync(db.Dialect.Analyze, ct);
        return new Result(count, recognitions, retired, started.Elapsed)
        {
            Organizations = organizations.Count, Users = users.Count, ResultReports = reportCount, Appraisals = appraisals.Count, SurveyAnswers = answerCount,
            UnitReportValues = unitValues,
        };
    }

    /// <summary>
    /// Each commune's yearly report of what the movement achieved outside its models (money with the people's share,
    /// land, roads, dialogues, dossiers), from 2021 (or the first year) to last year. Its own random sequence, so the
    /// records above stay what the seed has always made.
    /// </summary>
    private static async Task<int> UnitReportsAsync(AppDbContext db, IReadOnlyList<AdminUnit> communes, int seed, int fromYear, int toYear, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ScopePath == "/").ToDictionaryAsync(i => i.Code, ct);
        if (!indicators.TryGetValue("funds_mobilized", out var funds))
        {
            return 0;
        }

        var random = new Random(seed + 1);
        var reports = new List<UnitReport>();
        var now = DateTimeOffset.UtcNow;
        var today = VietnamClock.TodayNow;
        for (var year = Math.Max(fromYear, 2021); year < toYear; year++)
        {
            var period = ReportPeriod.Parse(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var c in communes)
            {
                // Through the report's own rules, as a form would: opened for the commune and the year, its figures recorded.
                var report = UnitReport.Open(c, null, period, today);
                report.Version = 1;
                var state = random.Next(100, 5_000) * 1_000_000m;
                var people = random.Next(50, 3_000) * 1_000_000m;
                var received = random.Next(200, 3_000);
                report.Record(
                [
                    (funds, null, state + people), (funds, "state", state), (funds, "people", people),
                    (indicators["land_donated"], null, random.Next(0, 20_000)), (indicators["roads_built"], null, random.Next(0, 300) / 10m),
                    (indicators["dialogues"], null, random.Next(2, 30)),
                    (indicators["dossiers_total"], null, received), (indicators["dossiers_on_time"], null, received - random.Next(0, received / 20)),
                ], null, now, "generator");
                reports.Add(report);
            }
        }

        await BulkInsert.NumberAsync(db, reports, ct);
        var rows = new List<UnitReportValue>();
        foreach (var report in reports)
        {
            foreach (var value in report.Values)
            {
                value.ReportId = report.Id;
                rows.Add(value);
            }
        }

        await BulkInsert.NumberAsync(db, rows, ct);
        await BulkInsert.EntitiesAsync(db, reports, ct);
        await BulkInsert.EntitiesAsync(db, rows, ct);
        return rows.Count;
    }
}
