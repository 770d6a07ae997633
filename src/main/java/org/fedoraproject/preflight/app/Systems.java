package org.fedoraproject.preflight.app;

/**
 * The systems a use case can be asked about: this machine (or a root) and the bundled demo. The
 * one place where a request's {@code demo} choice becomes a port.
 */
public record Systems(SystemPort machine, SystemPort demo) {

    public SystemPort of(CheckService.Request request) {
        return request.demo() ? demo : machine;
    }
}
