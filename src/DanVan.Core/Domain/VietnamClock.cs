namespace DanVan.Domain;

/// <summary>
/// The movement's clock: its "today" is Vietnam's date whatever the server's time zone (a node on UTC would otherwise be
/// a day behind from 00:00 to 07:00 in Vietnam). Registered as the app's <see cref="TimeProvider"/>, so every
/// <c>GetLocalNow()</c> is Vietnam's time; <see cref="Today(TimeProvider)"/> is the one place that says what today is,
/// also for a test's fake clock.
/// </summary>
public sealed class VietnamClock : TimeProvider
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static readonly VietnamClock Instance = new();

    public override TimeZoneInfo LocalTimeZone => Zone;

    /// <summary>Vietnam's date at the clock's instant (a fake clock's too).</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
    }

    /// <summary>Vietnam's date now.</summary>
    public static DateOnly TodayNow => Today(System);

    /// <summary>An instant as Vietnam's wall clock shows it.</summary>
    public static DateTimeOffset InVietnam(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The day a moment falls on in Vietnam.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(InVietnam(at).DateTime);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A machine without the time-zone database: Vietnam has kept +07:00 since 1975, without summer time.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
