namespace DanVan.Data;

/// <summary>Who is acting, for the audit trail: the signed-in user, a token's owner, or the command line.</summary>
public interface ICurrentActor
{
    string? UserId { get; }

    string? UserName { get; }

    string? IpAddress { get; }
}

/// <summary>The operator at the command line, or a background seeding step.</summary>
public sealed class SystemActor(string name) : ICurrentActor
{
    public string? UserId => null;

    public string? UserName => name;

    public string? IpAddress => null;
}
