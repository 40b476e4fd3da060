/** Engine worker process entry (Electron utilityProcess or Node child_process): the app's job table. */
import { runWorker } from '../pool/worker-runtime'
import { jobTable } from './jobs'

runWorker(jobTable)
