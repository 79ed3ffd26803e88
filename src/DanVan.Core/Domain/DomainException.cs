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

    /// <summary>The form field the message belongs to, if any.</summary>
    public string? Field { get; init; }
}
