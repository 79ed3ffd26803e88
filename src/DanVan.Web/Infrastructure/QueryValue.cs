using System.Linq.Expressions;

namespace DanVan.Infrastructure;

/// <summary>
/// A value put into a built expression so that EF Core sends it as a SQL parameter (a member of a captured object),
/// not inlined as a constant: a query inlining a unit path, a page's ids or a cursor was a new query for every value,
/// compiled again each time (a few milliseconds of CPU per request, and the query cache churned).
/// </summary>
public static class QueryValue
{
    private static readonly System.Reflection.MethodInfo Generic = typeof(QueryValue).GetMethods().Single(m => m.Name == nameof(Of) && m.IsGenericMethod);

    public static Expression Of<T>(T value) => Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    /// <summary>The same, for a value whose type is known only at run time.</summary>
    public static Expression Of(object value, Type type) => (Expression)Generic.MakeGenericMethod(type).Invoke(null, [value])!;


    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }
}
