using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>
/// "Not yours", said one way everywhere: the record or unit is outside the caller's read scope, or missing (404), or
/// the caller can see it but may not do this (Visible: 403). Thrown by <see cref="UserScope.Demand"/> and the lookups.
/// </summary>
public sealed class ScopeException : Exception
{
    public ScopeException()
        : this(false)
    {
    }

    public ScopeException(bool visible)
        : base(visible ? "forbidden" : "not found") => Visible = visible;

    public ScopeException(string message)
        : base(message)
    {
    }

    public ScopeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool Visible { get; }
}
