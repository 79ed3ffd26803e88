using DanVan.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DanVan.UnitTests.Infrastructure;

/// <summary>Which failures are a database outage (503 with Retry-After, safe to retry) rather than a defect (500).</summary>
public class DatabaseOutageTests
{
    public static TheoryData<Exception> Outages() =>
    [
        new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"),
        new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"),
        new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300"),
        new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)),
        new SqliteException("database is locked", 5),
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new TimeoutException()),
    ];

    public static TheoryData<Exception> Defects() =>
    [
        new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"),
        new PostgresException("syntax error", "ERROR", "ERROR", "42601"),
        new SqliteException("UNIQUE constraint failed", 19),
        new InvalidOperationException("Sequence contains no elements"),
        new FormatException("bad date"),
    ];

    [Theory]
    [MemberData(nameof(Outages))]
    public void Outages_AreUnavailable(Exception e) => Assert.True(ProblemExceptionHandler.IsDatabaseUnavailable(e));

    [Theory]
    [MemberData(nameof(Defects))]
    public void Defects_AreNot(Exception e) => Assert.False(ProblemExceptionHandler.IsDatabaseUnavailable(e));
}
