//! A cached bearer token with single-flight renewal.

use crate::error::Result;
use crate::secret::Secret;
use parking_lot::RwLock;
use std::future::Future;
use std::time::{Duration, Instant};

/// Renew this long before expiry at most ...
const MAX_MARGIN: Duration = Duration::from_secs(300);
/// ... and at least this share of the lifetime before it, so short test lifetimes work too.
const MARGIN_SHARE: u32 = 10;

/// The longest lifetime a token is taken to have (a server's 1e300 seconds included).
pub(crate) const MAX_LIFETIME: Duration = Duration::from_secs(10 * 365 * 24 * 3600);

#[derive(Clone)]
pub(crate) struct Token {
    pub value: Secret,
    /// When to stop using it: expiry minus the renewal margin.
    renew_at: Instant,
}

impl Token {
    pub fn new(value: Secret, lifetime: Duration) -> Self {
        let lifetime = lifetime.min(MAX_LIFETIME);
        let margin = (lifetime / MARGIN_SHARE).min(MAX_MARGIN);
        Token {
            value,
            renew_at: Instant::now() + lifetime.saturating_sub(margin),
        }
    }
}

/// Holds the current token; `get` logs in when there is none or it is due for renewal,
/// with one login at a time however many threads ask at once.
#[derive(Default)]
pub(crate) struct TokenCache {
    current: RwLock<Option<Token>>,
    gate: tokio::sync::Mutex<()>,
}

impl TokenCache {
    fn fresh(&self) -> Option<Secret> {
        let guard = self.current.read();
        guard
            .as_ref()
            .filter(|t| Instant::now() < t.renew_at)
            .map(|t| t.value.clone())
    }

    pub async fn get<F, Fut>(&self, login: F) -> Result<Secret>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Token>>,
    {
        if let Some(t) = self.fresh() {
            return Ok(t);
        }
        let _gate = self.gate.lock().await;
        // Another caller may have logged in while this one waited at the gate.
        if let Some(t) = self.fresh() {
            return Ok(t);
        }
        let token = login().await?;
        let value = token.value.clone();
        *self.current.write() = Some(token);
        Ok(value)
    }

    /// Stores a token obtained elsewhere (an explicit login call).
    pub fn store(&self, token: Token) {
        *self.current.write() = Some(token);
    }

    /// Removes and returns the current token, if any (a logout).
    pub fn take(&self) -> Option<Secret> {
        self.current.write().take().map(|t| t.value)
    }

    /// Forgets `rejected` if it is still the current token (the server refused it).
    pub fn invalidate(&self, rejected: &Secret) {
        let mut guard = self.current.write();
        if guard.as_ref().is_some_and(|t| &t.value == rejected) {
            *guard = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::Arc;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn one_login_for_many_waiters_and_renewal_ahead_of_expiry() {
        let cache = Arc::new(TokenCache::default());
        let logins = Arc::new(AtomicU32::new(0));
        let mut tasks = Vec::new();
        for _ in 0..16 {
            let (cache, logins) = (cache.clone(), logins.clone());
            tasks.push(tokio::spawn(async move {
                cache
                    .get(|| async {
                        let n = logins.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        Ok(Token::new(
                            Secret::new(format!("t{n}")),
                            Duration::from_secs(3600),
                        ))
                    })
                    .await
                    .unwrap()
            }));
        }
        for t in tasks {
            assert_eq!(t.await.unwrap().expose(), "t0");
        }
        assert_eq!(logins.load(Ordering::SeqCst), 1);

        // A token inside its renewal margin (10 % of 1 s) is renewed before it expires.
        cache.store(Token::new(Secret::new("short"), Duration::from_millis(50)));
        let got = cache
            .get(|| async { Ok(Token::new(Secret::new("renewed"), Duration::from_secs(1))) })
            .await
            .unwrap();
        assert_eq!(got.expose(), "short");
        tokio::time::sleep(Duration::from_millis(60)).await;
        let got = cache
            .get(|| async { Ok(Token::new(Secret::new("renewed"), Duration::from_secs(1))) })
            .await
            .unwrap();
        assert_eq!(got.expose(), "renewed");
    }

    #[test]
    fn invalidate_only_the_rejected_token() {
        let cache = TokenCache::default();
        cache.store(Token::new(Secret::new("new"), Duration::from_secs(60)));
        cache.invalidate(&Secret::new("old"));
        assert!(cache.fresh().is_some());
        cache.invalidate(&Secret::new("new"));
        assert!(cache.fresh().is_none());
    }
}
