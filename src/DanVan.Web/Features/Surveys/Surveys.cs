using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Surveys;

public sealed record SurveyRow(int Id, string Question, string Key, bool IsOpen, DateOnly OpenedOn, long Answers, long Satisfied, double? AverageRating, long Held);

/// <summary>Satisfaction surveys an officer turns on for an initiative of their area.</summary>
public static class SurveyCommands
{
    public const string DefaultQuestion = "Ông/bà có hài lòng với mô hình này không?";

    public static async Task<(Initiative Initiative, List<SurveyRow> Rows)?> ListAsync(AppDbContext db, UserScope scope, int initiativeId, CancellationToken ct)
    {
        var i = await db.Initiatives.AsNoTracking().ReadableBy(scope, x => x.ScopePath).FirstOrDefaultAsync(x => x.Id == initiativeId, ct);
        if (i is null)
        {
            return null;
        }

        var rows = await db.Surveys.AsNoTracking().Where(s => s.InitiativeId == initiativeId).OrderByDescending(s => s.Id)
            .Select(s => new SurveyRow(s.Id, s.Question, s.Key, s.IsOpen, s.OpenedOn, s.Answers.LongCount(a => !a.Held), s.Answers.LongCount(a => a.Satisfied && !a.Held),
                s.Answers.Where(a => !a.Held).Average(a => (double?)a.Rating), s.Answers.LongCount(a => a.Held)))
            .ToListAsync(ct);
        return (i, rows);
    }

    public static async Task<Survey> OpenAsync(AppDbContext db, UserScope scope, int initiativeId, string? question, DateOnly today, CancellationToken ct)
    {
        var i = await db.Initiatives.FirstOrDefaultAsync(x => x.Id == initiativeId, ct) ?? throw new ScopeException(false);
        scope.Demand(Operation.Moderate, i.ScopePath);

        if (i.Status == InitiativeStatus.Retired)
        {
            throw new DomainException("Mô hình đã loại bỏ không mở khảo sát được.");
        }

        var survey = new Survey
        {
            InitiativeId = i.Id, Question = string.IsNullOrWhiteSpace(question) ? DefaultQuestion : question.Trim(), Key = Survey.NewKey(),
            IsOpen = true, OpenedOn = today, ScopePath = i.ScopePath, CreatedBy = scope.UserName,
        };
        survey.Validate();
        if (!Validation.IsCleanText(survey.Question))
        {
            throw new DomainException("Câu hỏi có ký tự không hợp lệ.") { Field = nameof(Survey.Question) };
        }

        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return survey;
    }

    public static async Task CloseAsync(AppDbContext db, UserScope scope, int surveyId, CancellationToken ct)
    {
        var s = await db.Surveys.FirstOrDefaultAsync(x => x.Id == surveyId, ct) ?? throw new ScopeException(false);
        scope.Demand(Operation.Moderate, s.ScopePath);
        s.IsOpen = false;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Answers held as suspicious (many from one address within minutes): an officer who knows the desk counts them
    /// (accept) or drops them (reject). Returns how many.
    /// </summary>
    public static async Task<int> ResolveHeldAsync(AppDbContext db, UserScope scope, int surveyId, bool accept, CancellationToken ct)
    {
        var s = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(x => x.Id == surveyId, ct) ?? throw new ScopeException(false);
        scope.Demand(Operation.Moderate, s.ScopePath);
        var held = db.SurveyAnswers.Where(a => a.SurveyId == surveyId && a.Held);
        var n = accept ? await held.ExecuteUpdateAsync(x => x.SetProperty(a => a.Held, false), ct) : await held.ExecuteDeleteAsync(ct);
        db.Audit(accept ? "survey-answers-accepted" : "survey-answers-rejected", nameof(Survey), surveyId.ToString(System.Globalization.CultureInfo.InvariantCulture), new { answers = n });
        await db.SaveChangesAsync(ct);
        return n;
    }

    /// <summary>The survey of a readable initiative, for its poster.</summary>
    public static Task<Survey?> FindAsync(AppDbContext db, UserScope scope, int surveyId, CancellationToken ct) =>
        db.Surveys.AsNoTracking().Include(s => s.Initiative).ThenInclude(i => i!.CurrentUnit).ReadableBy(scope, s => s.ScopePath)
            .FirstOrDefaultAsync(s => s.Id == surveyId, ct);
}
