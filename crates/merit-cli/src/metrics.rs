//! The keeper's Prometheus metrics, kept with `prometheus-client` and served over HTTP by
//! `hyper` at `GET /metrics` (any other path is 404).
use http_body_util::Full;
use hyper::body::Bytes;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use merit_crank::PassSummary;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;
use std::sync::atomic::AtomicI64;
use std::sync::Arc;
use tracing::{info, warn};

/// The counters and gauges of one keeper process.
pub struct Metrics {
    registry: Registry,
    pub passes: Counter,
    pub errors: Counter,
    pub found: Counter,
    pub confirmed: Counter,
    pub lost: Counter,
    pub failed: Counter,
    /// Bounties less fees since start: a gauge, since fees can make a pass lose.
    pub lamports_earned: Gauge<i64, AtomicI64>,
    pub balance: Gauge<i64, AtomicI64>,
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("merit_crank");
        let m = Metrics {
            passes: Counter::default(),
            errors: Counter::default(),
            found: Counter::default(),
            confirmed: Counter::default(),
            lost: Counter::default(),
            failed: Counter::default(),
            lamports_earned: Gauge::default(),
            balance: Gauge::default(),
            registry: Registry::default(),
        };
        registry.register("passes", "Passes completed", m.passes.clone());
        registry.register(
            "errors",
            "Passes that failed (RPC or setup errors)",
            m.errors.clone(),
        );
        registry.register("work_found", "Due items discovered", m.found.clone());
        registry.register("work_confirmed", "Items confirmed", m.confirmed.clone());
        registry.register(
            "work_lost",
            "Items another keeper did first",
            m.lost.clone(),
        );
        registry.register(
            "work_failed",
            "Items that failed for another reason",
            m.failed.clone(),
        );
        registry.register(
            "lamports_earned",
            "Bounties earned less fees since start, in lamports",
            m.lamports_earned.clone(),
        );
        registry.register(
            "balance_lamports",
            "The keeper's balance at the last pass",
            m.balance.clone(),
        );
        Metrics { registry, ..m }
    }

    /// Books one pass.
    pub fn record(&self, summary: &PassSummary, balance: u64) {
        self.passes.inc();
        self.found.inc_by(summary.found as u64);
        self.confirmed.inc_by(summary.confirmed as u64);
        self.lost.inc_by(summary.lost_to_other_keepers as u64);
        self.failed.inc_by(summary.failed.len() as u64);
        self.lamports_earned.inc_by(summary.lamports_earned);
        self.balance.set(i64::try_from(balance).unwrap_or(i64::MAX));
    }

    /// The OpenMetrics text exposition.
    pub fn render(&self) -> String {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = encode(&mut text, &self.registry);
        text
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// The running metrics server; dropping it stops it.
pub struct MetricsServer {
    pub addr: std::net::SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for MetricsServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Binds `addr` and serves `metrics` until the returned server is dropped.
pub async fn serve_metrics(addr: &str, metrics: Arc<Metrics>) -> Result<MetricsServer, String> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot serve metrics on {addr}: {e}"))?;
    let bound = listener.local_addr().map_err(|e| e.to_string())?;
    info!(addr = %bound, "serving Prometheus metrics at /metrics");
    let task = tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let metrics = metrics.clone();
            tokio::spawn(async move {
                let service = service_fn(move |req: Request<hyper::body::Incoming>| {
                    let metrics = metrics.clone();
                    async move { Ok::<_, std::convert::Infallible>(respond(&req, &metrics)) }
                });
                if let Err(e) = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await
                {
                    warn!("metrics connection: {e}");
                }
            });
        }
    });
    Ok(MetricsServer { addr: bound, task })
}

fn respond(req: &Request<hyper::body::Incoming>, metrics: &Metrics) -> Response<Full<Bytes>> {
    let (status, body, kind) = if req.uri().path() == "/metrics" {
        (
            StatusCode::OK,
            metrics.render(),
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )
    } else {
        (
            StatusCode::NOT_FOUND,
            "not found: try /metrics\n".into(),
            "text/plain",
        )
    };
    Response::builder()
        .status(status)
        .header("content-type", kind)
        .body(Full::new(Bytes::from(body)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    async fn get(addr: std::net::SocketAddr, path: &str) -> String {
        let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).await.unwrap();
        response
    }

    #[tokio::test]
    async fn metrics_are_served_over_http_at_slash_metrics_and_stop_with_the_server() {
        let metrics = Arc::new(Metrics::new());
        metrics.record(
            &PassSummary {
                found: 3,
                confirmed: 2,
                lost_to_other_keepers: 1,
                lamports_earned: -5_000,
                ..PassSummary::default()
            },
            42,
        );
        let server = serve_metrics("127.0.0.1:0", metrics.clone()).await.unwrap();
        let ok = get(server.addr, "/metrics").await;
        assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
        for line in [
            "merit_crank_passes_total 1",
            "merit_crank_work_found_total 3",
            "merit_crank_work_confirmed_total 2",
            "merit_crank_work_lost_total 1",
            "merit_crank_lamports_earned -5000",
            "merit_crank_balance_lamports 42",
            "# EOF",
        ] {
            assert!(ok.contains(line), "{line} missing from {ok}");
        }
        assert!(get(server.addr, "/").await.starts_with("HTTP/1.1 404"));
        let addr = server.addr;
        drop(server);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(
            tokio::net::TcpStream::connect(addr).await.is_err(),
            "dropping the server stops it"
        );
    }
}
