/** Threads: one factory of named daemon threads, used by every package that runs work. */
package org.sigmaworkbench.threads;
