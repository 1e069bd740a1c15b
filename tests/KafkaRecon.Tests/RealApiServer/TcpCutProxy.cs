using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace KafkaRecon.Tests.RealApiServer;

/// <summary>
/// A byte-for-byte TCP proxy on 127.0.0.1 in front of the API server (TLS passes through: the serving certificate
/// names 127.0.0.1). <see cref="Cut"/> resets every open connection and refuses new ones, as an API-server restart or
/// a load-balancer blip does, until <see cref="Restore"/>.
/// </summary>
internal sealed class TcpCutProxy : IAsyncDisposable
{
    private readonly int _upstreamPort;
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private readonly CancellationTokenSource _disposed = new();
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    public TcpCutProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        Port = FreePort.Next();
        Restore();
    }

    public int Port { get; }

    public string Url => $"https://127.0.0.1:{Port}";

    public void Cut()
    {
        _listener?.Stop();
        _listener = null;
        foreach (var connection in _connections.Keys)
        {
            try
            {
                // Linger 0: the peer sees a reset, not a clean close.
                connection.Client?.LingerState = new LingerOption(true, 0);
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
            }
            connection.Dispose();
        }
        _connections.Clear();
    }

    public void Restore()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _accepting = AcceptAsync(listener);
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        Cut();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _disposed.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_disposed.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_disposed.Token);
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }
            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        _connections[client] = 0;
        _connections[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _disposed.Token);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, _disposed.Token), up.CopyToAsync(down, _disposed.Token));
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _connections.TryRemove(client, out _);
            _connections.TryRemove(upstream, out _);
            client.Dispose();
            upstream.Dispose();
        }
    }
}
