using DanVan.Data;
using Npgsql;

namespace DanVan.UnitTests.Infrastructure;

public class ReadReplicaTests
{
    [Fact]
    public void AReplica_IsTriedFirst_WithThePrimaryBehindIt()
    {
        var composed = new NpgsqlConnectionStringBuilder(ReadReplica.Compose(
            "Host=db-primary;Port=5432;Database=danvan;Username=app;Password=secret", "Host=db-replica;Port=5433"));
        Assert.Equal("db-replica:5433,db-primary:5432", composed.Host);
        Assert.Equal("danvan", composed.Database);
        Assert.Equal("app", composed.Username);
        Assert.Equal("secret", composed.Password);
        Assert.Equal("prefer-standby", composed.TargetSessionAttributes);
        Assert.Equal(2, composed.Timeout);
    }

    [Fact]
    public void WhatTheOperatorWrote_IsKept()
    {
        var written = "Host=r1,r2,p;Database=danvan;Username=app;Target Session Attributes=standby";
        var composed = new NpgsqlConnectionStringBuilder(ReadReplica.Compose("Host=p;Database=danvan;Username=app", written));
        Assert.Equal("r1,r2,p", composed.Host);
        Assert.Equal("standby", composed.TargetSessionAttributes);

        var ownTimeout = new NpgsqlConnectionStringBuilder(ReadReplica.Compose("Host=p;Database=d", "Host=r;Timeout=7;Target Session Attributes=any"));
        Assert.Equal(7, ownTimeout.Timeout);
        Assert.Equal("any", ownTimeout.TargetSessionAttributes);
        Assert.Equal("r:5432,p:5432", ownTimeout.Host);
    }
}
