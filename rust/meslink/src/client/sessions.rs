//! What the client opens beyond single calls: the machine-tool platform's live stream
//! and file transfer, and the energy platform's walk over every page of a list. Each is
//! the server module's own, handed the server's context.

use super::Client;
use crate::error::Result;
use crate::runtime;
use crate::servers::{energy, mgm};
use serde_json::Value;

impl Client {
    /// Opens the live stream (`mgm.realtime`): gets a token, connects, and starts the
    /// reader task on the shared runtime. Subscribe machines with
    /// [`mgm::Stream::subscribe`]. Fails if the first session cannot be opened; after that
    /// the stream reconnects by itself until closed.
    pub async fn mgm_stream_open(&self, options: mgm::StreamOptions) -> Result<mgm::Stream> {
        mgm::stream::open(self.inner.mgm.clone(), options).await
    }

    /// [`Client::mgm_stream_open`] for threads outside any async runtime.
    pub fn mgm_stream_open_blocking(&self, options: mgm::StreamOptions) -> Result<mgm::Stream> {
        runtime::block_on(self.mgm_stream_open(options))?
    }

    /// Starts sending a file (`mgm.file_transfer`). The request is checked first (an
    /// `InvalidArgument` error names the limit, and nothing is sent); the transfer then
    /// runs on the shared runtime: follow it with [`mgm::Transfer::progress`] and
    /// [`mgm::Transfer::wait`].
    pub async fn mgm_transfer_start(&self, request: mgm::TransferRequest) -> Result<mgm::Transfer> {
        mgm::transfer::start(self.inner.mgm.clone(), request).await
    }

    /// [`Client::mgm_transfer_start`] for threads outside any async runtime.
    pub fn mgm_transfer_start_blocking(
        &self,
        request: mgm::TransferRequest,
    ) -> Result<mgm::Transfer> {
        runtime::block_on(self.mgm_transfer_start(request))?
    }

    /// Every item of a paged energy list (`energy.meters.list`, `energy.alarms.list`, ...):
    /// asks page after page with `Per_Page_Counts = per_page` until `Total_Numbers` items
    /// are in (or a page comes back empty, or short when the server gives no total).
    /// `params` are the call's other filters; a `Page_Counts` in them is the first page.
    pub async fn energy_all_pages(
        &self,
        id: &str,
        params: Value,
        per_page: u32,
    ) -> Result<Vec<Value>> {
        energy::pages::all_pages(&self.inner.energy, id, params, per_page).await
    }
}
