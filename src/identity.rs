//! Who is acting: the OS account from the passwd entry of the real user id (not `$USER`,
//! which anyone can set), used as the actor in the audit log.

use std::ffi::CStr;

/// The login name of the real user id, or `uid:N` when the passwd entry cannot be read.
pub fn os_user() -> String {
    // SAFETY: getuid never fails; getpwuid_r writes only into the buffers we pass and we read the
    // name only when it returned 0 with a non-null result.
    unsafe {
        let uid = libc::getuid();
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
    #[test]
    fn os_user_is_not_empty() {
        assert!(!super::os_user().is_empty());
    }
}
