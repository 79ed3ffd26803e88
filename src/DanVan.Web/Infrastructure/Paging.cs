using System.Globalization;
using System.Linq.Expressions;
using DanVan.Domain;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>A page of a list. <c>TotalCapped</c>: counting stopped, there are more than <c>Total</c>; <c>Next</c>: the
/// cursor for the following page (pass it as <c>after</c>), null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total, bool TotalCapped = false, string? Next = null)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public Page<TOut> Select<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], PageNumber, PageSize, Total, TotalCapped, Next);
}

/// <summary>What a client asks of a list: how many (<c>limit</c>) and where the last page ended (<c>after</c>, the
/// previous page's <c>next</c>).</summary>
public sealed record ListPage(int Limit = ListPage.DefaultLimit, string? After = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The first rows of a list for a page of the site (which shows at most <see cref="MaxLimit"/>).</summary>
    public static ListPage First(int limit = MaxLimit) => new(limit);

    /// <summary>The page asked for, or the field error that says why it cannot be read.</summary>
    public static ListPage From(int? limit, string? after)
    {
        if (limit is { } l && l is < 1 or > MaxLimit)
        {
            throw DomainException.For("limit", $"limit từ 1 đến {MaxLimit}.");
        }

        return new ListPage(limit ?? DefaultLimit, string.IsNullOrWhiteSpace(after) ? null : after.Trim());
    }
}

/// <summary>
/// Lists read newest first — by a date, then by number — one page after another with a cursor (keyset paging): the
/// next page starts after the last row seen, so rows added meanwhile neither repeat nor skip one, and a page deep in a
/// list costs what the first does.
/// </summary>
public static class Paging
{
    /// <summary>Counting stops here: past it a list says "more than 10,000".</summary>
    public const int CountCap = 10_000;

    /// <summary>Newest first by <paramref name="date"/> (then by number); without a date, by number alone.</summary>
    public static Task<Page<T>> NewestFirstAsync<T>(IQueryable<T> query, Expression<Func<T, DateOnly>>? date, ListPage page, CancellationToken ct)
        where T : class
    {
        return NewestFirstAsync(query, date, page, q => q, RowId<T>.Read, ct);
    }

    /// <summary>The same, each row shown as <paramref name="project"/> makes it (the page is chosen first, by number and date alone).</summary>
    public static async Task<Page<TOut>> NewestFirstAsync<T, TOut>(IQueryable<T> query, Expression<Func<T, DateOnly>>? date, ListPage page,
        Func<IQueryable<T>, IQueryable<TOut>> project, Func<TOut, long> idOf, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(idOf);
        var counted = await query.Take(CountCap + 1).CountAsync(ct);
        var id = RowId<T>.Lambda;
        var after = query;
        if (page.After is not null)
        {
            var (afterDate, afterId) = Read(page.After, date is not null)
                ?? throw DomainException.For("after", "Con trỏ trang (after) không hợp lệ: dùng đúng giá trị \"next\" của trang trước.");
            after = query.Where(After<T>(id, date, afterDate, afterId));
        }

        var ordered = Descending(date is null ? after : after.OrderByDescending(date), id, then: date is not null);
        var keys = await ordered.Select(KeyOf(id, date)).Take(page.Limit + 1).ToListAsync(ct);
        var more = keys.Count > page.Limit;
        if (more)
        {
            keys.RemoveAt(keys.Count - 1);
        }

        var ids = keys.Select(k => k.Id).ToList();
        var place = ids.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
        var rows = ids.Count == 0 ? [] : await project(query.Where(In<T>(id, ids))).ToListAsync(ct);
        var next = more ? Write(date is null ? null : keys[^1].Date, keys[^1].Id) : null;
        return new Page<TOut>([.. rows.OrderBy(r => place[idOf(r)])], 1, page.Limit, Math.Min(counted, CountCap), counted > CountCap, next);
    }

    private sealed class Key
    {
        public long Id { get; set; }

        public DateOnly Date { get; set; }
    }

    /// <summary>
    /// The row's number, as its own type (int or long), so the database orders and compares it by its index; built and
    /// compiled once per row type, not on every request.
    /// </summary>
    private static class RowId<T>
    {
        public static readonly LambdaExpression Lambda = Build();

        public static readonly Func<T, long> Read =
            Expression.Lambda<Func<T, long>>(Expression.Convert(Lambda.Body, typeof(long)), Lambda.Parameters).Compile();

        private static LambdaExpression Build()
        {
            var row = Expression.Parameter(typeof(T), "e");
            return Expression.Lambda(Expression.Property(row, "Id"), row);
        }
    }

    private static IQueryable<T> Descending<T>(IQueryable<T> query, LambdaExpression id, bool then) =>
        query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), then ? nameof(Queryable.ThenByDescending) : nameof(Queryable.OrderByDescending),
            [typeof(T), id.ReturnType], query.Expression, Expression.Quote(id)));

    private static Expression<Func<T, Key>> KeyOf<T>(LambdaExpression id, Expression<Func<T, DateOnly>>? date)
    {
        var row = id.Parameters[0];
        var bindings = new List<MemberBinding> { Expression.Bind(typeof(Key).GetProperty(nameof(Key.Id))!, Expression.Convert(id.Body, typeof(long))) };
        if (date is not null)
        {
            bindings.Add(Expression.Bind(typeof(Key).GetProperty(nameof(Key.Date))!, new Rebind(date.Parameters[0], row).Visit(date.Body)));
        }

        return Expression.Lambda<Func<T, Key>>(Expression.MemberInit(Expression.New(typeof(Key)), bindings), row);
    }

    private static Expression<Func<T, bool>> In<T>(LambdaExpression id, List<long> ids)
    {
        object list = id.ReturnType == typeof(int) ? ids.Select(i => (int)i).ToList() : ids;
        return Expression.Lambda<Func<T, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [id.ReturnType], QueryValue.Of(list, list.GetType()), id.Body), id.Parameters);
    }

    // date < d || (date == d && Id < id) — or Id < id alone.
    private static Expression<Func<T, bool>> After<T>(LambdaExpression id, Expression<Func<T, DateOnly>>? date, DateOnly afterDate, long afterId)
    {
        var row = id.Parameters[0];
        var idBefore = Expression.LessThan(id.Body, QueryValue.Of(Convert.ChangeType(afterId, id.ReturnType, CultureInfo.InvariantCulture), id.ReturnType));
        if (date is null)
        {
            return Expression.Lambda<Func<T, bool>>(idBefore, row);
        }

        var on = new Rebind(date.Parameters[0], row).Visit(date.Body);
        var d = QueryValue.Of(afterDate);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(Expression.LessThan(on, d), Expression.AndAlso(Expression.Equal(on, d), idBefore)), row);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private static string Write(DateOnly? date, long id) => WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(
        (date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" : string.Empty) + id.ToString(CultureInfo.InvariantCulture)));

    private static (DateOnly, long)? Read(string text, bool dated)
    {
        if (text.Length > 100)
        {
            return null;
        }

        try
        {
            var parts = System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(text)).Split('|');
            var date = default(DateOnly);
            return parts.Length == (dated ? 2 : 1)
                && (!dated || DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                && long.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? (date, id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
