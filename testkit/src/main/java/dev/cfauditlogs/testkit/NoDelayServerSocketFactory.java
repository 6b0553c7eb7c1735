package dev.cfauditlogs.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections have {@code TCP_NODELAY} set. MockWebServer writes a
 * response in several small writes; with Nagle's algorithm on, each exchange then waits for the
 * peer's delayed ACK (about 40 ms on Linux). Accepted connections are remembered by their index
 * (MockWebServer numbers them in accept order, from 0) so that one can be made to end with a TCP
 * reset instead of a clean close.
 */
final class NoDelayServerSocketFactory extends ServerSocketFactory {
  private final Map<Integer, Socket> open = new ConcurrentHashMap<>();
  private final AtomicInteger accepted = new AtomicInteger();

  /**
   * Makes closing connection {@code index} send a TCP reset (RST) instead of a FIN: {@code
   * SO_LINGER} on with a zero timeout.
   */
  void resetOnClose(int index) {
    Socket socket = open.get(index);
    if (socket == null) {
      return;
    }
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      // already closed: nothing to reset
    }
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new NoDelayServerSocket();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket socket = new NoDelayServerSocket();
    socket.bind(new java.net.InetSocketAddress(port));
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket socket = new NoDelayServerSocket();
    socket.bind(new java.net.InetSocketAddress(port), backlog);
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    ServerSocket socket = new NoDelayServerSocket();
    socket.bind(new java.net.InetSocketAddress(address, port), backlog);
    return socket;
  }

  private final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      open.values().removeIf(Socket::isClosed);
      open.put(accepted.getAndIncrement(), socket);
      return socket;
    }
  }
}
