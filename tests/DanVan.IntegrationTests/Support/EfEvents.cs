namespace DanVan.IntegrationTests.Support;

/// <summary>EF Core's diagnostic events (commands executed, queries compiled…) while it lives, for counting what one context does.</summary>
public sealed class EfEvents : IObserver<System.Diagnostics.DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly Action<KeyValuePair<string, object?>> _on;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    private EfEvents(Action<KeyValuePair<string, object?>> on)
    {
        _on = on;
        _all = System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Listens until disposed.</summary>
    public static EfEvents Listen(Action<KeyValuePair<string, object?>> on) => new(on);

    public void OnNext(System.Diagnostics.DiagnosticListener value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value) => _on(value);

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
