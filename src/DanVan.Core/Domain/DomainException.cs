namespace DanVan.Domain;

/// <summary>A rule of the domain refused an action. The message is Vietnamese and shown to the user.</summary>
public class DomainException : Exception
{
    public DomainException()
    {
    }

    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The form field the message belongs to, if any: the API answers 400 naming it, a form shows it beside the field.</summary>
    public string? Field { get; init; }

    /// <summary>A refusal that belongs to one field of the input.</summary>
    public static DomainException For(string field, string message) => new(message) { Field = field };
}
