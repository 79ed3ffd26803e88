using System.ComponentModel.DataAnnotations;
using DanVan.Domain;

namespace DanVan.Infrastructure;

/// <summary>A page of a list. <c>TotalCapped</c>: counting stopped, there are more than <c>Total</c>; <c>Next</c>: the
/// cursor for the following page (pass it as <c>after</c>), where the list's order allows keyset paging.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total, bool TotalCapped = false, string? Next = null)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
