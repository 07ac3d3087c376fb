//! The router (one module per simulated server) and the HTTP/1 accept loop.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::extract::Request;
use axum::response::Response;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::JoinSet;
use tower::Service;

use crate::faults::{DropConnection, ResetConnection};
use crate::{ate, control, energy, grading, mgm, trace, SimState};

/// All routes. Each simulated server contributes its own router; add new
/// servers here.
pub(crate) fn app(state: &Arc<SimState>) -> Router {
    Router::new()
        .merge(ate::routes(state))
        .merge(grading::routes(state))
        .merge(trace::routes(state))
        .merge(mgm::routes(state))
        .merge(energy::routes(state))
        .merge(control::routes(state))
}

/// Error returned to hyper to make it close a connection without answering.
#[derive(Debug)]
struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by fault injection")
    }
}

impl std::error::Error for Dropped {}

/// Splits an accepted stream into the stream hyper serves and a duplicate
/// descriptor of the same socket, kept only to set SO_LINGER 0 on a reset
/// fault. The socket closes when both are dropped (the service holding the
/// duplicate goes with the connection).
fn with_linger_handle(
    stream: tokio::net::TcpStream,
) -> std::io::Result<(tokio::net::TcpStream, std::net::TcpStream)> {
    let std_stream = stream.into_std()?;
    let dup = std_stream.try_clone()?;
    Ok((tokio::net::TcpStream::from_std(std_stream)?, dup))
}

/// One client connection counted in the simulator's `connections` while it is open.
struct OpenConnection(Arc<AtomicU64>);

impl OpenConnection {
    fn new(count: &Arc<AtomicU64>) -> Self {
        count.fetch_add(1, Ordering::Relaxed);
        OpenConnection(count.clone())
    }
}

impl Drop for OpenConnection {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Accepts connections until the future is dropped; dropping it aborts
/// every connection it started.
pub(crate) async fn serve(listener: TcpListener, app: Router, open: Arc<AtomicU64>) {
    let mut connections = JoinSet::new();
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            Some(_) = connections.join_next(), if !connections.is_empty() => continue,
        };
        let (stream, _peer) = match accepted {
            Ok(a) => a,
            Err(e) => {
                // E.g. EMFILE: back off briefly rather than spin.
                tracing::warn!("accept failed: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let (stream, linger) = match with_linger_handle(stream) {
            Ok(pair) => pair,
            Err(e) => {
                tracing::warn!("cannot prepare connection: {e}");
                continue;
            }
        };
        let linger = Arc::new(linger);
        let app = app.clone();
        let open = OpenConnection::new(&open);
        connections.spawn(async move {
            let _open = open;
            let service = hyper::service::service_fn(move |req: Request<Incoming>| {
                let mut app = app.clone();
                let linger = linger.clone();
                async move {
                    let resp: Response = match app.call(req.map(axum::body::Body::new)).await {
                        Ok(resp) => resp,
                        Err(never) => match never {},
                    };
                    if resp.extensions().get::<ResetConnection>().is_some() {
                        // Linger 0: the close hyper does next sends RST, not FIN.
                        if let Err(e) = socket2::SockRef::from(&*linger)
                            .set_linger(Some(std::time::Duration::ZERO))
                        {
                            tracing::debug!("SO_LINGER 0 failed: {e}");
                        }
                        Err(Dropped)
                    } else if resp.extensions().get::<DropConnection>().is_some() {
                        Err(Dropped)
                    } else {
                        Ok::<_, Dropped>(resp)
                    }
                }
            });
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .serve_connection(TokioIo::new(stream), service)
                // WebSocket upgrades (the SockJS sessions of the mgm server).
                .with_upgrades();
            if let Err(e) = conn.await {
                tracing::debug!("connection ended: {e}");
            }
        });
    }
}
