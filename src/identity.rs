//! Who is acting: the OS account from the passwd entry of the real user id (not `$USER`,
//! which anyone can set), used as the actor in the audit log.

use std::ffi::CStr;

/// The login name of the real user id, or `uid:N` when the passwd entry cannot be read.
pub fn os_user() -> String {
    // SAFETY: getuid never fails.
    login_of(unsafe { libc::getuid() })
}

/// The login name of `uid`, or `uid:N` when it has no passwd entry (or an unreadable one).
fn login_of(uid: libc::uid_t) -> String {
    // SAFETY: getpwuid_r writes only into the buffers we pass and we read the name only when it
    // returned 0 with a non-null result.
    unsafe {
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 4096];
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result);
        if rc == 0 && !result.is_null() && !pwd.pw_name.is_null() {
            if let Ok(name) = CStr::from_ptr(pwd.pw_name).to_str() {
                if !name.is_empty() {
                    return name.to_string();
                }
            }
        }
        format!("uid:{uid}")
    }
}

#[cfg(test)]
mod tests {
    /// The passwd entry's name for `uid` as `/etc/passwd` spells it (name:x:uid:…), read without
    /// the code under test; `None` when the file has no line for it.
    fn passwd_file_name(uid: libc::uid_t) -> Option<String> {
        let text = std::fs::read_to_string("/etc/passwd").ok()?;
        text.lines().find_map(|line| {
            let mut fields = line.split(':');
            let name = fields.next()?;
            let id: libc::uid_t = fields.nth(1)?.parse().ok()?;
            (id == uid && !name.is_empty()).then(|| name.to_string())
        })
    }

    /// Whether the C library knows `uid` at all (files, LDAP, whatever NSS is set up with).
    fn has_entry(uid: libc::uid_t) -> bool {
        // SAFETY: getpwuid returns null or a pointer to static storage; only nullness is read.
        unsafe { !libc::getpwuid(uid).is_null() }
    }

    #[test]
    fn os_user_is_the_passwd_name_of_the_real_uid() {
        // SAFETY: getuid never fails.
        let uid = unsafe { libc::getuid() };
        let name = super::os_user();
        match passwd_file_name(uid) {
            Some(expected) => assert_eq!(name, expected),
            // Not in /etc/passwd: the name comes from elsewhere (NSS) or is the fallback.
            None if has_entry(uid) => {
                assert!(!name.is_empty() && !name.starts_with("uid:"), "{name}")
            }
            None => assert_eq!(name, format!("uid:{uid}")),
        }
    }

    #[test]
    fn a_uid_without_a_passwd_entry_is_uid_n() {
        let unknown = (60_000..4_000_000)
            .step_by(997)
            .find(|&u| !has_entry(u))
            .expect("some uid has no passwd entry");
        assert_eq!(super::login_of(unknown), format!("uid:{unknown}"));
    }

    #[test]
    fn root_is_root() {
        // uid 0 is called root wherever this runs (Linux, macOS, containers).
        assert_eq!(super::login_of(0), "root");
    }
}
