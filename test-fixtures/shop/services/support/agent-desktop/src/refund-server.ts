import express from 'express';
import { refundRoutes } from './refund-routes';

/** The agent desktop's back end: what the contact-center screens call. */
export const app = express();
app.use(express.json());
app.use('/agent', refundRoutes);
