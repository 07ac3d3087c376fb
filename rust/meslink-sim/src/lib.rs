//! MES server simulator for meslink tests.
//!
//! Serves, on one loopback port, the ATE MES API (`/api/login/`,
//! `/api/sn_detail/...`) and the grading cabinet MES API
//! (`/api/pick/volumeCollectData/save`) in the formats of their documents,
//! with fault injection (latency, 503, dropped and reset connections,
//! stalled answers, garbage answers, token expiry), a journal of accepted
//! production records, and a control API under `/_sim/`.
//!
//! ```no_run
//! let sim = meslink_sim::Sim::start_background(Default::default()).unwrap();
//! sim.state().fail_next_503(1);
//! println!("{}", sim.base_url());
//! ```

// Handlers return early with a ready `Response` as the error value; its size
// does not matter on this path.
#![allow(clippy::result_large_err)]

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

mod ate;
mod auth;
pub mod cli;
mod control;
mod drf;
mod energy;
mod faults;
mod grading;
mod journal;
pub mod jwt;
mod mgm;
mod server;
mod state;
mod trace;

pub use ate::{MSG_BAD_CREDENTIALS, MSG_OK, MSG_REPEATED_SN, MSG_RULE_NG};
pub use auth::{MSG_DECODE, MSG_EXPIRED, MSG_NOT_PROVIDED};
pub use control::{FaultsRequest, WorkOrderRequest};
pub use energy::{EnergySimConfig, EnergySimUser};
pub use faults::{InjectedFaults, GARBAGE_BODY};
pub use grading::{DATASOURCE_HEADER, MSG_SAVED};
pub use journal::{
    read_journal, JOURNAL_ATE_UPLOAD, JOURNAL_ENERGY_MANUAL, JOURNAL_ENERGY_OUTPUT,
    JOURNAL_GRADING_SAVE,
};
pub use mgm::{MgmReceivedFile, MgmSimConfig};
pub use state::SimState;
pub use trace::TraceSimConfig;

/// A user that can log in to the ATE MES.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimUser {
    pub emp_no: String,
    pub password: String,
    pub emp_name: String,
}

impl SimUser {
    pub fn new(emp_no: &str, password: &str, emp_name: &str) -> SimUser {
        SimUser {
            emp_no: emp_no.to_string(),
            password: password.to_string(),
            emp_name: emp_name.to_string(),
        }
    }
}

/// Simulator settings. Build with `SimConfig { port: 8080, ..Default::default() }`.
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// Lifetime of ATE tokens (`exp = iat + lifetime`); 24 h by default.
    pub token_lifetime: Duration,
    /// Users for `/api/login/`; by default `ate` / `Windows123.`.
    pub users: Vec<SimUser>,
    /// Port on 127.0.0.1; 0 (default) picks a free one.
    pub port: u16,
    /// HS256 key for the tokens.
    pub jwt_secret: String,
    /// Load the documents' two work orders (`1037020031`, `1037020032`); true by default.
    pub seed_data: bool,
    /// The machine-tool IoT open API (seed 003).
    pub mgm: MgmSimConfig,
    /// The energy-management platform (seed 004).
    pub energy: EnergySimConfig,
    /// The quality-trace gateway (seed 002).
    pub trace: TraceSimConfig,
    /// Append one JSON line per accepted production record to this file
    /// (see [`read_journal`]); none by default.
    pub journal: Option<std::path::PathBuf>,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            token_lifetime: Duration::from_secs(24 * 3600),
            users: vec![SimUser::new("ate", "Windows123.", "ate")],
            port: 0,
            jwt_secret: "meslink-sim-secret".to_string(),
            seed_data: true,
            mgm: MgmSimConfig::default(),
            energy: EnergySimConfig::default(),
            trace: TraceSimConfig::default(),
            journal: None,
        }
    }
}

/// A listener on 127.0.0.1:`port` with SO_REUSEADDR (as tokio's own bind does), so a
/// simulator restarted on the port of a killed one binds at once despite the killed
/// one's connections lingering in TIME_WAIT. Non-blocking, for tokio.
fn bind_reusable(port: u16) -> std::io::Result<std::net::TcpListener> {
    let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)?;
    #[cfg(unix)]
    socket.set_reuse_address(true)?;
    socket.bind(&SocketAddr::from((Ipv4Addr::LOCALHOST, port)).into())?;
    socket.listen(1024)?;
    socket.set_nonblocking(true)?;
    Ok(socket.into())
}

enum Runner {
    /// Serving on the caller's runtime.
    Task(tokio::task::JoinHandle<()>),
    /// Serving on its own runtime and thread.
    Thread {
        stop: tokio::sync::oneshot::Sender<()>,
        thread: std::thread::JoinHandle<()>,
    },
}

/// A running simulator. Stops on [`Sim::shutdown`] or when dropped.
pub struct Sim {
    addr: SocketAddr,
    state: Arc<SimState>,
    runner: Option<Runner>,
}

impl Sim {
    /// Starts serving on the caller's tokio runtime.
    pub async fn start(config: SimConfig) -> std::io::Result<Sim> {
        let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, config.port)).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(SimState::new(&config)?);
        let app = server::app(&state);
        let task = tokio::spawn(server::serve(listener, app, state.connections.clone()));
        Ok(Sim {
            addr,
            state,
            runner: Some(Runner::Task(task)),
        })
    }

    /// Starts serving on its own runtime in a background thread; usable
    /// without (or from inside) a tokio runtime.
    pub fn start_background(config: SimConfig) -> std::io::Result<Sim> {
        let std_listener = bind_reusable(config.port)?;
        let addr = std_listener.local_addr()?;
        let state = Arc::new(SimState::new(&config)?);
        let app = server::app(&state);
        let open = state.connections.clone();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("meslink-sim")
            .enable_all()
            .build()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("meslink-sim".to_string())
            .spawn(move || {
                runtime.block_on(async move {
                    let listener = match tokio::net::TcpListener::from_std(std_listener) {
                        Ok(l) => l,
                        Err(e) => {
                            tracing::error!("meslink-sim listener: {e}");
                            return;
                        }
                    };
                    tokio::select! {
                        _ = server::serve(listener, app, open) => {}
                        _ = stopped => {}
                    }
                });
                runtime.shutdown_timeout(Duration::from_millis(100));
            })?;
        Ok(Sim {
            addr,
            state,
            runner: Some(Runner::Thread { stop, thread }),
        })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn state(&self) -> Arc<SimState> {
        self.state.clone()
    }

    /// Stops serving and closes every connection (same as dropping).
    pub fn shutdown(self) {}
}

impl Drop for Sim {
    fn drop(&mut self) {
        match self.runner.take() {
            Some(Runner::Task(task)) => task.abort(),
            Some(Runner::Thread { stop, thread }) => {
                let _ = stop.send(());
                let _ = thread.join();
            }
            None => {}
        }
    }
}
