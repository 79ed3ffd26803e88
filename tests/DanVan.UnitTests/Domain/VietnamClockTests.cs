using DanVan.Domain;
using Microsoft.Extensions.Time.Testing;

namespace DanVan.UnitTests.Domain;

public class VietnamClockTests
{
    [Fact]
    public void TheMovementsToday_IsVietnamsDate_AcrossMidnightUtcPlus7()
    {
        // 16:59 UTC on 6 December is 23:59 in Vietnam; a minute later it is 7 December there, still the 6th in UTC.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 16, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 12, 6), VietnamClock.Today(clock));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateOnly(2026, 12, 7), VietnamClock.Today(clock));
        Assert.Equal(6, clock.GetUtcNow().Day);
    }

    [Fact]
    public void TheAppsClock_ShowsVietnamsTime_WhateverTheServersZone()
    {
        Assert.Equal(TimeSpan.FromHours(7), VietnamClock.Zone.GetUtcOffset(DateTimeOffset.UtcNow));
        Assert.Equal(TimeSpan.FromHours(7), VietnamClock.Instance.GetLocalNow().Offset);
        Assert.Equal(VietnamClock.TodayNow, DateOnly.FromDateTime(VietnamClock.Instance.GetLocalNow().DateTime));
    }
}
